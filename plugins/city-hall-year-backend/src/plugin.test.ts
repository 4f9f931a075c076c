import type {
  YearView,
  EntryPage,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  callAs,
  describeOnEachDatabase,
  startCityHallYearBackend,
} from './__testUtils__';

describeOnEachDatabase(
  'cityHallYearPlugin',
  { seed: true },
  (ctx, databaseId, databases) => {
    it('loads nothing when seeding is switched off (as in production)', async () => {
      const unseeded = await startCityHallYearBackend(databases, databaseId, {
        seed: false,
      });
      const res = await callAs(unseeded, 'hr').get('/entries');
      expect(res.body.totalCount).toBe(0);
      const [{ count }] = await unseeded
        .knex('city_hall_year_seeds')
        .count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('answers the health route without a token', async () => {
      const res = await callAs(ctx).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('refuses reads without a token', async () => {
      const res = await callAs(ctx).get('/entries');
      expect(res.status).toBe(401);
    });

    it('lists the seeded entries from the database', async () => {
      const res = await callAs(ctx, 'newHire').get('/entries');
      expect(res.status).toBe(200);
      const page = res.body as EntryPage;
      const [{ count }] = await ctx.knex('city_hall_year_entries').count({
        count: '*',
      });
      expect(page.totalCount).toBe(Number(count));
      expect(page.totalCount).toBeGreaterThan(0);
      expect(page.items.map(e => e.slug)).toContain('shutsuno-heisa');
      expect(page.items.every(e => e.status === 'published')).toBe(true);
    });

    it('filters by cycle and text, and pages', async () => {
      const res = await callAs(ctx, 'newHire').get(
        '/entries?cycle=settlement&q=出納閉鎖&limit=1',
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { slug: string }) => e.slug)).toEqual([
        'shutsuno-heisa',
      ]);
      expect(res.body.limit).toBe(1);
    });

    it('filters by fiscal year and month', async () => {
      const res = await callAs(ctx, 'newHire').get(
        '/entries?fiscalYear=2026&month=5',
      );
      expect(res.status).toBe(200);
      const slugs = res.body.items.map((e: { slug: string }) => e.slug);
      expect(slugs).toContain('shutsuno-heisa');
      expect(slugs).not.toContain('teiki-jinji-ido');
    });

    it.each([
      ['/entries?limit=100000', /limit/],
      ['/entries?cycle=festival', /cycle/],
      ['/entries?month=5', /month needs fiscalYear/],
      ['/entries?unknown=1', /Unrecognized key/],
      ['/years/nineteen', /fiscal year/],
    ])('answers %s with a 400 naming the problem', async (path, message) => {
      const res = await callAs(ctx, 'newHire').get(`${path}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('reads one entry by slug and by id, and 404s an unknown one', async () => {
      const bySlug = await callAs(ctx, 'newHire').get(
        '/entries/shutsuno-heisa',
      );
      expect(bySlug.status).toBe(200);
      expect(bySlug.body.title.ja).toBe('出納閉鎖');
      expect(bySlug.body.version).toBe(1);

      const byId = await callAs(ctx, 'newHire').get(
        `/entries/${bySlug.body.id}`,
      );
      expect(byId.body.slug).toBe('shutsuno-heisa');

      const missing = await callAs(ctx, 'newHire').get('/entries/no-such-step');
      expect(missing.status).toBe(404);
    });

    it('gives a whole fiscal year, sorted, with labels in both systems', async () => {
      const res = await callAs(ctx, 'newHire').get('/years/2026');
      expect(res.status).toBe(200);
      const year = res.body as YearView;
      expect(year.labels).toEqual({ en: 'FY2026', ja: '令和8年度' });
      const starts = year.occurrences.map(o => o.start);
      expect(starts).toEqual([...starts].sort());
      expect(starts[0]).toBe('2026-04-01');
      const close = year.occurrences.find(o => o.slug === 'shutsuno-heisa');
      expect(close).toMatchObject({
        start: '2026-05-31',
        end: '2026-05-31',
        precision: 'day',
        concernedFiscalYear: 2025,
      });
      const budgetSession = year.occurrences.find(
        o => o.slug === 'dai1kai-teireikai',
      );
      expect(budgetSession).toMatchObject({
        start: '2027-02-10',
        councilSession: 1,
        councilSessionLabels: {
          ja: '令和9年第1回定例会',
          en: '1st regular session of 2027',
        },
      });
    });
  },
);
