import { mockServices } from '@backstage/backend-test-utils';
import {
  LunrSearchEngine,
  TestPipeline,
  type SearchEngine,
} from '@backstage/plugin-search-backend-node';
import type { IndexableDocument } from '@backstage/plugin-search-common';
import {
  JapaneseLunrSearchEngine,
  japaneseTokenizer,
} from './JapaneseLunrSearchEngine';

const entry = (
  slug: string,
  title: string,
  text: string,
  cycle: string,
): IndexableDocument & { slug: string; cycle: string } => ({
  title,
  text,
  location: `/city-hall-year/entries/${slug}`,
  slug,
  cycle,
});

const entries = [
  entry(
    'shutsuno-heisa',
    '出納閉鎖（Closing of the accounts）',
    '前年度の出納を5月31日に閉じる。地方自治法 第235条の5。Settlement of the cash accounts of the previous fiscal year.',
    'settlement',
  ),
  entry(
    'kessan-chosei',
    '決算の調製',
    '出納閉鎖の後、会計管理者は三か月以内に決算を調製し、市長に提出する。',
    'settlement',
  ),
  entry(
    'yosan-hensei-hoshin',
    '予算編成方針',
    '次年度の予算編成方針を各課に示す。Budget formulation policy.',
    'budget',
  ),
  entry(
    'chosha-kanri',
    '庁舎の管理',
    '出納室の記録を整え、年末年始は庁舎を閉鎖する。Building maintenance.',
    'operations',
  ),
];

const catalogEntity: IndexableDocument = {
  title: 'kaikei-ka',
  text: 'The accounting division handles settlements and payments.',
  location: '/catalog/default/group/kaikei-ka',
};

async function index(
  engine: SearchEngine,
  type: string,
  documents: IndexableDocument[],
) {
  const indexer = await engine.getIndexer(type);
  const { error } = await TestPipeline.fromIndexer(indexer)
    .withDocuments(documents)
    .execute();
  expect(error).toBeUndefined();
}

describe('JapaneseLunrSearchEngine', () => {
  let engine: JapaneseLunrSearchEngine;

  beforeEach(async () => {
    engine = new JapaneseLunrSearchEngine({
      logger: mockServices.logger.mock(),
    });
    await index(engine, 'city-hall-year', entries);
    await index(engine, 'software-catalog', [catalogEntity]);
  });

  const locations = async (term: string, extra: object = {}) =>
    (await engine.query({ term, ...extra })).results.map(
      r => r.document.location,
    );

  it('finds 出納閉鎖 by its Japanese title, first', async () => {
    const found = await locations('出納閉鎖');
    expect(found[0]).toBe('/city-hall-year/entries/shutsuno-heisa');
    // Also in the text of 決算の調製; never where 出納 and 閉鎖 merely both occur.
    expect(found).toEqual([
      '/city-hall-year/entries/shutsuno-heisa',
      '/city-hall-year/entries/kessan-chosei',
    ]);
  });

  it('finds 予算編成 in 予算編成方針', async () => {
    expect(await locations('予算編成')).toEqual([
      '/city-hall-year/entries/yosan-hensei-hoshin',
    ]);
  });

  it('finds nothing for Japanese words that occur nowhere', async () => {
    expect(await locations('議会解散')).toEqual([]);
  });

  it('finds entries by a single kanji', async () => {
    expect(await locations('鎖')).toEqual(
      expect.arrayContaining([
        '/city-hall-year/entries/shutsuno-heisa',
        '/city-hall-year/entries/kessan-chosei',
        '/city-hall-year/entries/chosha-kanri',
      ]),
    );
  });

  it('keeps English search: whole words, prefixes and typos, in every index', async () => {
    const settlement = await locations('settlement');
    expect(settlement).toContain('/city-hall-year/entries/shutsuno-heisa');
    expect(settlement).toContain('/catalog/default/group/kaikei-ka');
    expect(await locations('settle')).toEqual(
      expect.arrayContaining([
        '/city-hall-year/entries/shutsuno-heisa',
        '/catalog/default/group/kaikei-ka',
      ]),
    );
    expect(await locations('budgt')).toEqual([
      '/city-hall-year/entries/yosan-hensei-hoshin',
    ]);
    expect(await locations('kaikei')).toEqual([
      '/catalog/default/group/kaikei-ka',
    ]);
    // Full-width letters are the same letters.
    expect(await locations('ｂｕｄｇｅｔ')).toEqual([
      '/city-hall-year/entries/yosan-hensei-hoshin',
    ]);
  });

  it('keeps the types and filters of the query', async () => {
    expect(
      await locations('settlement', { types: ['software-catalog'] }),
    ).toEqual(['/catalog/default/group/kaikei-ka']);
    expect(
      await locations('出納', { filters: { cycle: 'settlement' } }),
    ).toEqual([
      '/city-hall-year/entries/shutsuno-heisa',
      '/city-hall-year/entries/kessan-chosei',
    ]);
    expect(
      await locations('予算編成', { filters: { cycle: 'settlement' } }),
    ).toEqual([]);
    // A field only city-hall-year documents have leaves the catalog out.
    expect(
      await locations('settlement', { filters: { slug: 'shutsuno-heisa' } }),
    ).toEqual(['/city-hall-year/entries/shutsuno-heisa']);
  });

  it('highlights the matched Japanese word as one stretch', async () => {
    const { results } = await engine.query({ term: '出納閉鎖' });
    const { preTag, postTag, fields } = results[0].highlight!;
    expect(fields.title).toBe(
      `${preTag}出納閉鎖${postTag}（Closing of the accounts）`,
    );
    const english = await engine.query({ term: 'accounts' });
    expect(english.results[0].highlight!.fields.title).toBe(
      `出納閉鎖（Closing of the ${
        english.results[0].highlight!.preTag
      }accounts${english.results[0].highlight!.postTag}）`,
    );
  });

  it('is needed: stock Lunr finds nothing for 出納閉鎖', async () => {
    const stock = new LunrSearchEngine({ logger: mockServices.logger.mock() });
    await index(stock, 'city-hall-year', entries);
    expect((await stock.query({ term: '出納閉鎖' })).results).toEqual([]);
    expect((await stock.query({ term: '予算編成' })).results).toEqual([]);
  });
});

describe('japaneseTokenizer', () => {
  const strings = (text: unknown) =>
    japaneseTokenizer(text).map(t => t.toString());

  it('splits Japanese into bigrams and other scripts into words', () => {
    expect(strings('出納閉鎖')).toEqual(['出納', '納閉', '閉鎖']);
    expect(strings('市の2025年度予算、Budget-Policy')).toEqual([
      '市の',
      '2025',
      '年度',
      '度予',
      '予算',
      'budget',
      'policy',
    ]);
    expect(strings('ｶﾀｶﾅ ＡＢＣ')).toEqual(['カタ', 'タカ', 'カナ', 'abc']);
    expect(strings('市 税')).toEqual(['市', '税']);
    expect(strings(null)).toEqual([]);
  });

  it('keeps the positions of the original text', () => {
    expect(
      japaneseTokenizer('会計 出納閉鎖').map(t => [
        t.toString(),
        (t as unknown as { metadata: { position: number[] } }).metadata
          .position,
      ]),
    ).toEqual([
      ['会計', [0, 2]],
      ['出納', [3, 2]],
      ['納閉', [4, 2]],
      ['閉鎖', [5, 2]],
    ]);
  });
});
