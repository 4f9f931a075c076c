import {
  CYCLES,
  fiscalYearLabels,
  resolveOccurrences,
  type CourseFields,
  type EntryFields,
  type Occurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { exampleOrganisation } from '../__testUtils__/testBackend';
import { loadStartingContent, loadStartingCourses } from './contentSeed';
import { LEGAL_ARTICLES } from './legalArticles';

/** The fiscal years whose dates the content is checked for; no test reads today's date. */
const FISCAL_YEARS = [2026, 2027];

/**
 * Links that cross the year-end on purpose: the source happens late in one fiscal year
 * and feeds the target's occurrence in the next one. Every other link must run forward
 * in time within the fiscal year.
 */
const CROSS_YEAR_LINKS: ReadonlyArray<[from: string, to: string, why: string]> =
  [
    [
      'senketsu-shobun',
      'rinjikai',
      'the end-of-March dispositions are approved at the May session of the next fiscal year',
    ],
    [
      'yosan-giketsu',
      'hosei-yosan',
      'the budget adopted in March is the one the next fiscal year supplements',
    ],
    [
      'yosan-giketsu',
      'yosan-shikko',
      'the budget adopted in March is allotted and spent from 1 April',
    ],
    [
      'chiho-zaisei-keikaku',
      'futsu-kofuzei-kettei',
      "February's local finance plan sets the allocation tax decided in the next July",
    ],
    [
      'jinji-hyoka-saishu',
      'teiki-jinji-ido',
      "the year's final appraisal informs the transfers of the next 1 April",
    ],
    [
      'jinji-hyoka-kekka-kaiji',
      'jinji-hyoka-mokuhyo',
      'the feedback in March shapes the goals set in the next April',
    ],
    [
      'jiko-shinkoku',
      'teiki-jinji-ido',
      'the autumn self-report informs the transfers of the next 1 April',
    ],
    [
      'saiyo-shiken-daisotsu',
      'teiki-jinji-ido',
      'those who pass in July are hired on the next 1 April',
    ],
    [
      'saiyo-shiken-kosotsu',
      'teiki-jinji-ido',
      'those who pass in October are hired on the next 1 April',
    ],
    [
      'soshiki-teiin-minaoshi',
      'teiki-jinji-ido',
      'the organisation reviewed over the winter starts with the transfers of the next 1 April',
    ],
  ];

const isCrossYear = (from: string, to: string) =>
  CROSS_YEAR_LINKS.some(([f, t]) => f === from && t === to);

const firstStart = (occurrences: Occurrence[]) =>
  occurrences.map(o => o.start).sort()[0];
const lastEnd = (occurrences: Occurrence[]) =>
  occurrences
    .map(o => o.end)
    .sort()
    .at(-1)!;

/** Whether `to` can be reached from `from` by following feedsInto links. */
function reaches(
  entries: Map<string, EntryFields>,
  from: string,
  to: string,
): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const slug = queue.shift()!;
    if (slug === to) return true;
    if (seen.has(slug)) continue;
    seen.add(slug);
    queue.push(...(entries.get(slug)?.feedsInto ?? []));
  }
  return false;
}

describe('starting content', () => {
  let content: EntryFields[];
  let bySlug: Map<string, EntryFields>;
  let courses: CourseFields[];

  beforeAll(async () => {
    content = await loadStartingContent();
    bySlug = new Map(content.map(e => [e.slug, e]));
    courses = await loadStartingCourses();
  });

  const occurrences = (slug: string, fiscalYear = 2026) => {
    const entry = bySlug.get(slug);
    expect(entry).toBeDefined();
    return resolveOccurrences(entry!.timing, fiscalYear, {
      slug,
      lookup: s => bySlug.get(s)?.timing,
    });
  };

  it('covers the whole year: at least 70 published entries in all five cycles', () => {
    expect(content.length).toBeGreaterThanOrEqual(70);
    expect(content.every(e => e.status === 'published')).toBe(true);
    for (const cycle of CYCLES.filter(c => c !== 'other')) {
      expect([cycle, content.filter(e => e.cycle === cycle).length]).toEqual([
        cycle,
        expect.any(Number),
      ]);
      expect(
        content.filter(e => e.cycle === cycle).length,
      ).toBeGreaterThanOrEqual(6);
    }
  });

  it('tells every step why it exists and what it means for new staff, with English alongside', () => {
    for (const entry of content) {
      expect([entry.slug, entry.purpose.ja.length > 40]).toEqual([
        entry.slug,
        true,
      ]);
      expect([entry.slug, entry.forNewStaff.ja.length > 30]).toEqual([
        entry.slug,
        true,
      ]);
      expect([entry.slug, Boolean(entry.title.en && entry.summary.en)]).toEqual(
        [entry.slug, true],
      );
    }
  });

  it('gives every entry an owner (and related groups) from the example catalog', () => {
    const groups = new Set(
      exampleOrganisation()
        .filter(e => e.kind === 'Group')
        .map(e => `group:default/${e.metadata.name}`),
    );
    for (const entry of content) {
      expect([entry.slug, groups.has(entry.owner)]).toEqual([entry.slug, true]);
      for (const related of entry.relatedGroups) {
        expect([entry.slug, related, groups.has(related)]).toEqual([
          entry.slug,
          related,
          true,
        ]);
      }
    }
  });

  it('says of every entry who takes part, with Groups of the catalog and a note for each first-year milestone', () => {
    // Read as written: the schema's default would hide an entry that says nothing.
    const dir = path.resolve(__dirname, '../../content');
    const written = fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.yaml'))
      .flatMap(f => parseYaml(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(written.map((e: { slug: string }) => e.slug).sort()).toEqual(
      content.map(e => e.slug).sort(),
    );
    for (const entry of written as Array<{
      slug: string;
      participants?: unknown;
    }>) {
      expect([entry.slug, Array.isArray(entry.participants)]).toEqual([
        entry.slug,
        true,
      ]);
    }
    const groups = new Set(
      exampleOrganisation()
        .filter(e => e.kind === 'Group')
        .map(e => `group:default/${e.metadata.name}`),
    );
    // What is wrong with the participants, as slug and problem: nothing.
    const problems = content.flatMap(entry =>
      entry.participants.flatMap(p => {
        if ('group' in p) {
          if (!groups.has(p.group))
            return [[entry.slug, `${p.group} is no Group`]];
          if (p.group === entry.owner)
            return [[entry.slug, 'the owner takes part']];
        } else if (p.role === 'newHires' && !p.note?.ja) {
          return [[entry.slug, 'a first-year milestone without a note']];
        }
        return [];
      }),
    );
    expect(problems).toEqual([]);
    const who = (slug: string) =>
      content
        .find(e => e.slug === slug)!
        .participants.map(p => ('role' in p ? p.role : p.group));
    // The steps every section, everyone or a new hire takes part in, and steps
    // only their owners do.
    expect(who('yosan-yokyu')).toContain('sections');
    expect(who('kessan-chosei')).toContain('sections');
    expect(who('nenmatsu-chosei')).toContain('everyone');
    for (const appraisal of [
      'jinji-hyoka-mokuhyo',
      'jinji-hyoka-chukan',
      'jinji-hyoka-saishu',
    ]) {
      expect(who(appraisal)).toEqual(
        expect.arrayContaining(['everyone', 'newHires']),
      );
    }
    for (const milestone of ['joken-tsuki-saiyo', 'seishiki-saiyo']) {
      expect(who(milestone)).toContain('newHires');
    }
    expect(who('tobensho-sakusei')).toEqual(
      expect.arrayContaining(['concernedSections', 'managers', 'unitChiefs']),
    );
    expect(who('reigetsu-shutsuno-kensa')).toEqual([]);
    expect(who('dai1kai-teireikai')).not.toContain('everyone');
  });

  it('links only to entries that exist, in both directions', () => {
    const inverse = { dependsOn: 'feedsInto', feedsInto: 'dependsOn' } as const;
    for (const entry of content) {
      for (const link of ['dependsOn', 'feedsInto'] as const) {
        for (const slug of entry[link]) {
          expect([
            entry.slug,
            link,
            slug,
            bySlug.get(slug)?.[inverse[link]].includes(entry.slug),
          ]).toEqual([entry.slug, link, slug, true]);
        }
      }
    }
  });

  it('resolves every timing for several fiscal years, with no cycles of relative dates', () => {
    for (const fiscalYear of [2025, 2026, 2027, 2028]) {
      for (const entry of content) {
        expect(() => occurrences(entry.slug, fiscalYear)).not.toThrow();
      }
      for (const entry of content.filter(e => !e.timing.asNeeded)) {
        expect([
          entry.slug,
          occurrences(entry.slug, fiscalYear).length > 0,
        ]).toEqual([entry.slug, true]);
      }
    }
  });

  it.each([
    [
      'shutsuno-heisa',
      'kessan-chosei',
      'kessan-shinsa',
      'dai3kai-teireikai',
      'kessan-tokubetsu-iinkai',
      'kessan-nintei',
      'zaisei-satei',
      'shicho-satei',
    ],
    // The end-of-March urgent dispositions are approved at the next meeting, in May.
    ['senketsu-shobun', 'rinjikai', 'dai2kai-teireikai'],
    [
      'gyosei-hyoka',
      'jisshi-keikaku',
      'yosan-yokyu',
      'zaisei-satei',
      'shicho-satei',
      'dai1kai-teireikai',
      'yosan-giketsu',
    ],
  ])('completes the chain from %s', (...chain) => {
    for (let i = 0; i + 1 < chain.length; i++) {
      expect([
        chain[i],
        chain[i + 1],
        reaches(bySlug, chain[i], chain[i + 1]),
      ]).toEqual([chain[i], chain[i + 1], true]);
    }
  });

  it('resolves the spot facts of FY2026', () => {
    const [booksClose] = occurrences('shutsuno-heisa');
    expect(booksClose).toMatchObject({
      start: '2026-05-31',
      end: '2026-05-31',
    });
    expect(bySlug.get('shutsuno-heisa')!.concernsFiscalYear).toBe('previous');

    const preparation = occurrences('kessan-chosei');
    expect(preparation.at(-1)!.end).toBe('2026-08-31');
    expect(bySlug.get('kessan-chosei')!.concernsFiscalYear).toBe('previous');
    expect(fiscalYearLabels(2026 - 1).ja).toBe('令和7年度');

    const requests = occurrences('yosan-yokyu');
    expect(
      requests[0].start >= '2026-09-01' && requests[0].end <= '2026-12-31',
    ).toBe(true);
    expect(bySlug.get('yosan-yokyu')!.concernsFiscalYear).toBe('next');

    const budgetSession = occurrences('dai1kai-teireikai');
    expect(budgetSession[0].start.startsWith('2027-02')).toBe(true);
    expect(budgetSession[0].end.startsWith('2027-03')).toBe(true);
    expect(bySlug.get('dai1kai-teireikai')!.concernsFiscalYear).toBe('next');
    expect(fiscalYearLabels(2026 + 1).ja).toBe('令和9年度');

    // The December session opens in early December, and approves the settlement on
    // its first day; the May extraordinary session is a yearly fixture.
    const december = occurrences('dai4kai-teireikai');
    expect(december[0].start).toBe('2026-12-01');
    expect(december[0].end).toBe('2026-12-31');
    expect(bySlug.get('dai4kai-teireikai')!.title.ja).toBe(
      '第4回定例会（12月議会）',
    );
    expect(occurrences('kessan-nintei')[0].start).toBe('2026-12-01');
    expect(bySlug.get('kessan-nintei')!.feedsInto).not.toContain('yosan-yokyu');
    expect(occurrences('rinjikai')[0]).toMatchObject({
      start: '2026-05-01',
      end: '2026-05-31',
    });
    expect(bySlug.get('rinjikai')!.timing.asNeeded).toBe(true);
    expect(bySlug.get('senketsu-shobun')!.feedsInto).toEqual(['rinjikai']);
    expect(bySlug.get('dai2kai-teireikai')!.dependsOn).not.toContain(
      'senketsu-shobun',
    );

    expect(occurrences('teiki-jinji-ido')).toMatchObject([
      { start: '2026-04-01', end: '2026-04-01' },
    ]);
    expect(occurrences('joken-tsuki-saiyo')[0]).toMatchObject({
      start: '2026-04-01',
      end: '2026-09-30',
    });
  });
  it('runs every link forward in time within the fiscal year, except the noted cross-year links', () => {
    for (const fiscalYear of FISCAL_YEARS) {
      for (const source of content) {
        const from = occurrences(source.slug, fiscalYear);
        for (const target of source.feedsInto) {
          const to = occurrences(target, fiscalYear);
          if (!from.length || !to.length || isCrossYear(source.slug, target)) {
            continue;
          }
          // The target may overlap or follow the source, but must not be over before it starts.
          expect([
            fiscalYear,
            source.slug,
            target,
            lastEnd(to) >= firstStart(from),
          ]).toEqual([fiscalYear, source.slug, target, true]);
        }
      }
    }
  });

  it.each(CROSS_YEAR_LINKS)(
    'keeps %s → %s as a cross-year link only while it needs to be one (%s)',
    (from, to) => {
      expect(bySlug.get(from)?.feedsInto).toContain(to);
      for (const fiscalYear of FISCAL_YEARS) {
        const source = occurrences(from, fiscalYear);
        // Within the year the link would run backwards, so the exception is needed …
        expect(lastEnd(occurrences(to, fiscalYear)) < firstStart(source)).toBe(
          true,
        );
        // … and it runs forward into the next fiscal year.
        expect(
          firstStart(occurrences(to, fiscalYear + 1)) > lastEnd(source),
        ).toBe(true);
      }
    },
  );

  it('cites only articles of the checked table, and the table only what the content cites', () => {
    const key = (law: string, article?: string) => `${law} ${article ?? ''}`;
    const table = new Map(LEGAL_ARTICLES.map(a => [key(a.law, a.article), a]));
    expect(table.size).toBe(LEGAL_ARTICLES.length);
    const cited = new Set<string>();
    for (const entry of content) {
      for (const basis of entry.legalBasis) {
        const k = key(basis.law, basis.article);
        cited.add(k);
        expect([entry.slug, k, table.has(k)]).toEqual([entry.slug, k, true]);
      }
    }
    expect([...table.keys()].filter(k => !cited.has(k))).toEqual([]);
    // A statute is cited with its article; only the city's own rules and a national
    // notice (which has no articles) may leave it out.
    for (const row of LEGAL_ARTICLES.filter(a => !a.article)) {
      expect(row.law).toMatch(/^(市議会|鹿児島市|総務大臣通知)/);
    }
  });

  it('keeps the council practice straight: representative questions in the 1st and 3rd sessions only', () => {
    for (const slug of ['dai2kai-teireikai', 'dai4kai-teireikai']) {
      expect([
        slug,
        bySlug.get(slug)!.whatHappens.ja.includes('代表質疑・個人質疑'),
      ]).toEqual([slug, false]);
    }
    expect(bySlug.get('daihyo-shitsugi')!.summary.ja).toContain('第1回と第3回');
    expect(bySlug.get('sogo-keikaku')!.legalBasis[0].law).toBe(
      '鹿児島市総合計画策定条例',
    );
    // 係長 is a unit chief in English everywhere.
    expect(JSON.stringify([content, courses])).not.toMatch(/section chief/i);
  });

  it.each(FISCAL_YEARS)(
    'resolves the spot facts of FY%i from the timing rules',
    fy => {
      const next = fy + 1;
      const at = (slug: string) => occurrences(slug, fy);
      const only = (slug: string) => {
        const list = at(slug);
        expect([slug, list.length]).toEqual([slug, 1]);
        return list[0];
      };

      // Settlement: the books close on 31 May; the accounts reach the mayor by 31 August.
      expect(only('shutsuno-heisa')).toMatchObject({
        start: `${fy}-05-31`,
        end: `${fy}-05-31`,
      });
      expect(only('koei-kigyo-kessan').end).toBe(`${fy}-05-31`);
      expect(only('kessan-chosei').end).toBe(`${fy}-08-31`);
      const allocation = only('futsu-kofuzei-kettei');
      expect(allocation.start >= `${fy}-07-01`).toBe(true);
      expect(allocation.end <= `${fy}-08-31`).toBe(true);
      expect(at('zaisei-jokyo-kohyo').map(o => o.start)).toEqual([
        `${fy}-06-01`,
        `${fy}-12-01`,
      ]);

      // Council: the May extraordinary session, the third session into early October,
      // the December session opening in early December with the settlement on its first day.
      expect(only('rinjikai')).toMatchObject({
        start: `${fy}-05-01`,
        end: `${fy}-05-31`,
      });
      expect(only('dai3kai-teireikai')).toMatchObject({
        start: `${fy}-09-01`,
        end: `${fy}-10-10`,
      });
      const december = only('dai4kai-teireikai');
      expect(
        december.start >= `${fy}-12-01` && december.start <= `${fy}-12-10`,
      ).toBe(true);
      const approval = only('kessan-nintei');
      expect(approval).toMatchObject({
        start: december.start,
        end: december.start,
      });
      expect(lastEnd(at('zaisei-satei')) > approval.start).toBe(true);
      expect(firstStart(at('shicho-satei')) > approval.start).toBe(true);
      expect(only('kyuyo-kaitei-jorei')).toMatchObject({
        start: december.start,
        end: december.end,
      });

      // The budget session opens about 10–13 February of the next calendar year, after the
      // budget draft is announced, and the budget is adopted in late March.
      const budgetSession = only('dai1kai-teireikai');
      expect(
        budgetSession.start >= `${next}-02-10` &&
          budgetSession.start <= `${next}-02-13`,
      ).toBe(true);
      expect(budgetSession.end.startsWith(`${next}-03`)).toBe(true);
      expect(only('tosho-yosan-happyo').start).toBe(`${next}-02-10`);
      expect(only('chiho-zaisei-keikaku').start).toBe(`${next}-02-01`);
      expect(only('yosan-giketsu').end).toBe(`${next}-03-31`);
      // Ordinances passed in the session are promulgated after it closes.
      expect(lastEnd(at('jorei-kofu')) > budgetSession.end).toBe(true);

      // Personnel: conditional employment to 30 September, bonuses on the usual days,
      // recruitment exams early–mid July and mid–late October.
      expect(only('teiki-jinji-ido').start).toBe(`${fy}-04-01`);
      expect(only('joken-tsuki-saiyo')).toMatchObject({
        start: `${fy}-04-01`,
        end: `${fy}-09-30`,
      });
      expect(only('seishiki-saiyo').start).toBe(`${fy}-10-01`);
      expect(at('kimatsu-kinben-teate').map(o => o.start)).toEqual([
        `${fy}-06-30`,
        `${fy}-12-10`,
      ]);
      expect(only('saiyo-shiken-daisotsu')).toMatchObject({
        start: `${fy}-07-01`,
        end: `${fy}-07-20`,
      });
      expect(only('saiyo-shiken-kosotsu')).toMatchObject({
        start: `${fy}-10-11`,
        end: `${fy}-10-31`,
      });
      expect(only('nenmatsu-chosei')).toMatchObject({
        start: `${fy}-11-01`,
        end: `${fy}-12-31`,
      });
    },
  );

  it('loads the three courses, every step linking an entry that exists', () => {
    expect(courses.map(c => c.slug).sort()).toEqual([
      'nikashome-gikai-no-ichinen',
      'shinki-saiyo-shiyakusho-no-ichinen',
      'yosan-kessan-no-tsunagari',
    ]);
    for (const course of courses) {
      for (const step of course.steps) {
        expect([course.slug, step.entry, bySlug.has(step.entry)]).toEqual([
          course.slug,
          step.entry,
          true,
        ]);
      }
    }
  });

  it('tells, for every step of the second-posting course, why it is there', () => {
    const course = courses.find(c => c.slug === 'nikashome-gikai-no-ichinen')!;
    expect(course.title.ja).toBe('2か所目の職場で困らない議会の一年');
    for (const step of course.steps) {
      expect([step.entry, Boolean(step.note?.ja && step.note?.en)]).toEqual([
        step.entry,
        true,
      ]);
    }
    const steps = course.steps.map(s => s.entry);
    // The flow of a question, in order, and the whole council year around it.
    expect(steps.indexOf('daihyo-shitsugi')).toBeLessThan(
      steps.indexOf('tobensho-sakusei'),
    );
    expect(steps).toEqual(
      expect.arrayContaining([
        'rinjikai',
        'dai1kai-teireikai',
        'dai2kai-teireikai',
        'dai3kai-teireikai',
        'dai4kai-teireikai',
        'jonin-iinkai',
        'senketsu-shobun',
        'kessan-nintei',
        'yosan-giketsu',
      ]),
    );
  });
});
