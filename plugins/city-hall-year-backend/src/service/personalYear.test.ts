import type { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  YearOccurrence,
  YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ICAL from 'ical.js';
import request from 'supertest';
import {
  callAs,
  describeOnEachDatabase,
  exampleOrganisation,
  type Person,
} from '../__testUtils__';

/**
 * The example organisation, kept by reference: the test moves a person to another
 * Group in the catalog by changing their entity here.
 */
const entities: Entity[] = exampleOrganisation();
const user = (name: string) =>
  entities.find(e => e.kind === 'User' && e.metadata.name === name)!;

/** The steps of a personal year by slug, with their reasons. */
function bySlug(view: YearView) {
  const steps = new Map<string, YearOccurrence['mine']>();
  for (const o of [...view.occurrences, ...view.asNeeded]) {
    steps.set(o.slug, o.mine);
  }
  return steps;
}

describeOnEachDatabase(
  'あなたの一年: the personal year',
  {
    seed: true,
    entities,
    config: {
      roles: {
        managers: { annotation: 'city-hall-year/role', value: 'manager' },
        unitChiefs: { annotation: 'city-hall-year/role', value: 'unit-chief' },
      },
      // Ask the catalog every time, so that a change of Groups shows at once.
      people: { cacheSeconds: 0 },
    },
  },
  ctx => {
    const myYear = async (who: Person | `user:${string}`, fy = 2026) => {
      const res = await callAs(ctx, who).get(`/years/${fy}?mine=true`);
      expect(res.status).toBe(200);
      return res.body as YearView;
    };

    it('gives a new hire of 市民協働課 the steps every section and everyone takes part in, and their first year, not the council secretariat’s own', async () => {
      const view = await myYear('newHire');
      const steps = bySlug(view);
      expect(view.personal).toEqual({
        newHire: true,
        newHireCourse: 'shinki-saiyo-shiyakusho-no-ichinen',
      });
      expect(steps.get('yosan-yokyu')?.reasons).toEqual(['section']);
      expect(steps.get('yosan-yokyu')?.notes).toContainEqual(
        expect.objectContaining({
          reason: 'section',
          role: 'sections',
          note: expect.objectContaining({
            ja: expect.stringMatching(/^各課では/),
          }),
        }),
      );
      expect(steps.get('jinji-hyoka-mokuhyo')?.reasons).toEqual([
        'everyone',
        'firstYear',
      ]);
      expect(steps.get('nenmatsu-chosei')?.reasons).toEqual(['everyone']);
      for (const milestone of ['joken-tsuki-saiyo', 'seishiki-saiyo']) {
        expect(steps.get(milestone)?.reasons).toEqual(['firstYear']);
      }
      // Steps only their owners do are not in anyone else's year.
      for (const internal of [
        'reigetsu-shutsuno-kensa',
        'jorei-kofu',
        'kuni-yosan-chiho-zaisei-taisaku',
        // Only the sections concerned (those asked questions) take part.
        'daihyo-shitsugi',
      ]) {
        expect(steps.has(internal)).toBe(false);
      }
      // Every step of the view says why it is theirs.
      for (const o of view.occurrences)
        expect(o.mine?.reasons.length).toBeGreaterThan(0);

      // The year after, they are no longer a new hire.
      const next = await myYear('newHire', 2027);
      expect(next.personal).toEqual({ newHire: false });
      expect(bySlug(next).has('joken-tsuki-saiyo')).toBe(false);
      expect(bySlug(next).get('yosan-yokyu')?.reasons).toEqual(['section']);
    });

    it('gives 財政課 its own steps, the ones every section does, and not a new hire’s first year', async () => {
      const steps = bySlug(await myYear('finance'));
      expect(steps.get('zaisei-satei')?.reasons[0]).toBe('owner');
      expect(steps.get('yosan-yokyu')?.reasons).toEqual(['owner', 'section']);
      expect(steps.get('shutsuno-heisa')?.reasons).toEqual(['section']);
      // Named among the participants of 決算調製 (owned by 会計課).
      expect(steps.get('kessan-chosei')?.reasons).toEqual(['group', 'section']);
      expect(steps.has('joken-tsuki-saiyo')).toBe(false);
      expect(steps.has('reigetsu-shutsuno-kensa')).toBe(false);
      // A step owned by a bureau is not a division's own.
      expect(steps.has('jorei-kofu')).toBe(false);
    });

    it('gives a division the steps its bureau owns, and a unit chief the steps unit chiefs take part in', async () => {
      // 高橋 健 (人事課) belongs to 総務局 through 人事課's parent.
      const takahashi = bySlug(await myYear('user:default/takahashi.ken'));
      expect(takahashi.get('jorei-kofu')?.reasons).toEqual(['owner']);
      // 佐藤 花子 is a 係長 (city-hall-year/role: unit-chief).
      const sato = bySlug(await myYear('hr'));
      // Drafting answers falls to the sections concerned, which no one knows
      // before the questions: it is hers by her role alone.
      expect(sato.get('tobensho-sakusei')?.reasons).toEqual(['role']);
      expect(sato.get('tobensho-sakusei')?.notes).toContainEqual(
        expect.objectContaining({ reason: 'role', role: 'unitChiefs' }),
      );
      // 森 武 is a 課長: the role of managers, not of unit chiefs.
      const mori = bySlug(await myYear('user:default/mori.takeshi'));
      expect(mori.get('tobensho-sakusei')?.notes).toContainEqual(
        expect.objectContaining({ reason: 'role', role: 'managers' }),
      );
      expect(
        mori.get('tobensho-sakusei')?.notes.some(n => n.role === 'unitChiefs'),
      ).toBe(false);
    });

    it('refuses a personal year to anyone but a person, and a mine that is not true or false', async () => {
      const service = await request(ctx.server)
        .get('/api/city-hall-year/years/2026?mine=true')
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(403);
      expect((await callAs(ctx).get('/years/2026?mine=true')).status).toBe(401);
      const wrong = await callAs(ctx, 'newHire').get('/years/2026?mine=yes');
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/mine/);
    });

    it('writes the personal feed with exactly the steps of the personal year in both fiscal years, and follows a change of Groups', async () => {
      const who = 'user:default/ogawa.hina' as const;
      const { token } = (
        await callAs(ctx, who).post('/feed-tokens').send({ label: 'Outlook' })
      ).body as { token: string };
      const feedSteps = async () => {
        const res = await callAs(ctx).get(
          `/feeds/calendar.ics?token=${token}&fy=2026&mine=true`,
        );
        expect(res.status).toBe(200);
        const calendar = new ICAL.Component(ICAL.parse(res.text));
        expect(calendar.getFirstPropertyValue('x-wr-calname')).toMatch(
          /^あなたの一年/,
        );
        return calendar
          .getAllSubcomponents('vevent')
          .map(v => {
            const event = new ICAL.Event(v);
            const url = new URL(String(v.getFirstPropertyValue('url')));
            return `${decodeURIComponent(
              url.pathname.split('/').pop()!,
            )} ${url.searchParams.get('fy')} ${event.startDate
              .toJSDate()
              .toLocaleDateString('sv-SE')}`;
          })
          .sort();
      };
      const viewSteps = async () =>
        (
          await Promise.all(
            [2026, 2027].map(async fy =>
              (
                await myYear(who, fy)
              ).occurrences.map(o => `${o.slug} ${fy} ${o.start}`),
            ),
          )
        )
          .flat()
          .sort();

      const before = await feedSteps();
      expect(before).toEqual(await viewSteps());
      expect(before.some(s => s.startsWith('joken-tsuki-saiyo 2026'))).toBe(
        true,
      );
      expect(before.some(s => s.startsWith('joken-tsuki-saiyo 2027'))).toBe(
        false,
      );
      expect(
        before.some(s => s.startsWith('kuni-yosan-chiho-zaisei-taisaku ')),
      ).toBe(false);

      // 小川 陽菜 moves to 財政課 in the catalog: its own steps join her year.
      const ogawa = user('ogawa.hina');
      const spec = ogawa.spec as { memberOf: string[] };
      const original = spec.memberOf;
      spec.memberOf = ['zaisei-ka'];
      try {
        const after = await feedSteps();
        expect(after).toEqual(await viewSteps());
        expect(
          after.some(s => s.startsWith('kuni-yosan-chiho-zaisei-taisaku 2026')),
        ).toBe(true);
        expect(after).not.toEqual(before);
      } finally {
        spec.memberOf = original;
      }
    });
  },
);
