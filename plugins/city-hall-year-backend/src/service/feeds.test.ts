import type {
  Entry,
  YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ICAL from 'ical.js';
import {
  callAs,
  describeOnEachDatabase,
  type Person,
  putBody,
} from '../__testUtils__';

/** Parses a feed with Mozilla's parser and returns its events. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map(v => new ICAL.Event(v));
  return { calendar, events };
}

describeOnEachDatabase(
  'calendar feeds',
  {
    seed: true,
  },
  ctx => {
    async function newToken(person: Person = 'newHire') {
      const res = await callAs(ctx, person)
        .post('/feed-tokens')
        .send({ label: 'Google カレンダー' });
      expect(res.status).toBe(201);
      return res.body as { id: string; token: string };
    }

    async function feed(query: string) {
      return callAs(ctx).get(`/feeds/calendar.ics?${query}`);
    }

    async function publishedOccurrences(fiscalYears: number[]) {
      let count = 0;
      for (const fy of fiscalYears) {
        const year: YearView = (
          await callAs(ctx, 'newHire').get(`/years/${fy}`)
        ).body;
        count += year.occurrences.length;
      }
      return count;
    }

    it('serves every published entry of two fiscal years as all-day events in Asia/Tokyo', async () => {
      const { token } = await newToken();
      const res = await feed(`token=${token}&fy=2026`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const { calendar, events } = parseFeed(res.text);

      expect(events).toHaveLength(await publishedOccurrences([2026, 2027]));
      const zone = calendar.getFirstSubcomponent('vtimezone');
      expect(zone?.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');

      const closing = events.filter(e => e.summary.startsWith('出納閉鎖'));
      expect(closing.map(e => e.startDate.toString())).toEqual([
        '2026-05-31',
        '2027-05-31',
      ]);
      expect(closing[0].startDate.isDate).toBe(true);
      // DTEND of an all-day event is the next day.
      expect(closing[0].endDate.toString()).toBe('2026-06-01');
      expect(closing[0].component.getFirstPropertyValue('url')).toBe(
        'http://localhost:3000/city-hall-year/entries/shutsuno-heisa?fy=2026',
      );

      // A multi-day span: the settlement period from April to the end of May.
      const period = events.find(
        e =>
          e.summary.startsWith('出納整理期間') &&
          e.startDate.toString().startsWith('2026'),
      )!;
      expect(period.startDate.toString()).toBe('2026-04-01');
      expect(period.endDate.toString()).toBe('2026-06-01');

      // A step known to the part of a month says so.
      const monthPart = events.find(e =>
        e.description.includes('旬（上旬・中旬・下旬）単位'),
      );
      expect(monthPart).toBeDefined();
    });

    it('keeps every UID across an edit, so subscribed calendars update', async () => {
      const { token } = await newToken();
      const before = parseFeed((await feed(`token=${token}&fy=2026`)).text);
      const entry: Entry = (
        await callAs(ctx, 'accounting').get('/entries/shutsuno-heisa')
      ).body;
      await callAs(ctx, 'accounting')
        .put(`/entries/${entry.id}`)
        .send(
          putBody(entry, {
            title: { ja: '出納閉鎖（5月31日）', en: 'Closing of the accounts' },
          }),
        )
        .expect(200);
      const after = parseFeed((await feed(`token=${token}&fy=2026`)).text);

      const uids = (events: ICAL.Event[]) => events.map(e => e.uid).sort();
      expect(uids(after.events)).toEqual(uids(before.events));
      expect(new Set(uids(after.events)).size).toBe(after.events.length);
      const edited = after.events.find(e => e.uid.startsWith(entry.id))!;
      expect(edited.summary).toBe(
        '出納閉鎖（5月31日） / Closing of the accounts',
      );
      expect(edited.sequence).toBe(entry.version + 1);
    });

    it('narrows to a department, a cycle, a course or one entry', async () => {
      const { token } = await newToken();
      const count = async (query: string) => {
        const res = await feed(`token=${token}&fy=2026&${query}`);
        expect(res.status).toBe(200);
        return parseFeed(res.text).events;
      };
      const accounting = await count('owner=group:default/kaikei-ka');
      expect(accounting.length).toBeGreaterThan(0);
      // The department by its catalog name, in each event and the calendar's name.
      expect(
        accounting.every(e => e.description.includes('担当: 会計課')),
      ).toBe(true);
      const named = await feed(
        `token=${token}&fy=2026&owner=group:default/kaikei-ka`,
      );
      expect(
        parseFeed(named.text).calendar.getFirstPropertyValue('x-wr-calname'),
      ).toBe('会計課 — 市役所の一年 City Hall Year');
      expect(named.text).not.toMatch(/group:default|kaikei-ka —/);

      const council = await count('cycle=council');
      expect(
        council.every(
          e =>
            e.component.getFirstPropertyValue('categories') === '議会 Council',
        ),
      ).toBe(true);

      const course = await count('course=yosan-kessan-no-tsunagari');
      expect(course.length).toBeGreaterThanOrEqual(14);
      // Calendars subscribed with the parameter's first name keep their events.
      const uids = (events: ICAL.Event[]) => events.map(e => e.uid).sort();
      expect(uids(await count('curriculum=yosan-kessan-no-tsunagari'))).toEqual(
        uids(course),
      );
      const both = await feed(
        `token=${token}&course=yosan-kessan-no-tsunagari&curriculum=shinki-saiyo-shiyakusho-no-ichinen`,
      );
      expect(both.status).toBe(400);
      expect(both.text).toContain('curriculum');

      const single = await count('entry=shutsuno-heisa');
      expect(single).toHaveLength(2);
    });

    it('answers 401 without a token, with an unknown one and with a revoked one', async () => {
      const { id, token } = await newToken('finance');
      expect((await feed('fy=2026')).status).toBe(401);
      expect((await feed(`token=chy_${'x'.repeat(43)}`)).status).toBe(401);

      // Somebody else cannot revoke the token.
      const foreign = await callAs(ctx, 'newHire').delete(`/feed-tokens/${id}`);
      expect(foreign.status).toBe(404);
      expect((await feed(`token=${token}`)).status).toBe(200);

      const revoked = await callAs(ctx, 'finance').delete(`/feed-tokens/${id}`);
      expect(revoked.status).toBe(204);
      expect((await feed(`token=${token}`)).status).toBe(401);
      const list = await callAs(ctx, 'finance').get('/feed-tokens');
      expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(
        id,
      );
    });

    it('grants nothing but the feed: a feed token is not a Backstage token', async () => {
      const { token } = await newToken();
      const res = await callAs(ctx)
        .get('/entries')
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    });

    it('lists tokens without their secret and stores only a hash', async () => {
      const { id, token } = await newToken('council');
      const list = await callAs(ctx, 'council').get('/feed-tokens');
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id, label: 'Google カレンダー' }),
      );
      expect(JSON.stringify(list.body)).not.toContain(token);
      const rows = await ctx.knex('city_hall_year_feed_tokens').where({ id });
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('refuses bad feed queries with 400', async () => {
      const { token } = await newToken();
      expect((await feed(`token=${token}&cycle=holidays`)).status).toBe(400);
      expect((await feed(`token=${token}&fy=abc`)).status).toBe(400);
      expect((await feed(`token=${token}&extra=1`)).status).toBe(400);
      expect((await feed(`token=${token}&entry=no-such-entry`)).status).toBe(
        404,
      );
      const label = await callAs(ctx, 'newHire')
        .post('/feed-tokens')
        .send({ label: '' });
      expect(label.status).toBe(400);
    });
  },
);
