import {
  CYCLES,
  fiscalYearLabels,
  resolveOccurrences,
  type EntryFields,
} from '@internal/plugin-city-hall-year-common';
import { exampleOrganisation } from '../__testUtils__/testBackend';
import { loadStartingContent } from './contentSeed';

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

  beforeAll(async () => {
    content = await loadStartingContent();
    bySlug = new Map(content.map(e => [e.slug, e]));
  });

  const occurrences = (slug: string, fiscalYear = 2026) => {
    const entry = bySlug.get(slug);
    expect(entry).toBeDefined();
    return resolveOccurrences(entry!.timing, fiscalYear, {
      slug,
      lookup: s => bySlug.get(s)?.timing,
    });
  };

  it('covers the whole year: at least 45 published entries in all five cycles', () => {
    expect(content.length).toBeGreaterThanOrEqual(45);
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
});
