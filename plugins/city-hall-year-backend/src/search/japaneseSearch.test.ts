import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import type {
  IndexableDocument,
  SearchEngine,
} from '@backstage/plugin-search-common';
import type { Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import { startCityHallYearBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CourseCollatorFactory } from './CourseCollatorFactory';
import { EntryCollatorFactory } from './EntryCollatorFactory';
import { JapaneseLunrSearchEngine } from './JapaneseLunrSearchEngine';
import {
  JapaneseNgramDecoratorFactory,
  JAPANESE_NGRAM_FIELDS,
} from './JapaneseNgramDecoratorFactory';
import { JapaneseSearchEngine } from './JapaneseSearchEngine';
import { japaneseSearchEngine, searchModuleJapanese } from './japaneseModule';
import { japaneseIndexWords, japaneseQueryTerm } from './japaneseNgrams';

jest.setTimeout(120_000);

const databaseOf = (knex: Knex): DatabaseService => ({
  getClient: async () => knex,
  migrations: { skip: false },
});

describe('japaneseIndexWords and japaneseQueryTerm', () => {
  it.each([
    ['出納閉鎖', ['出納', '納閉', '閉鎖', '鎖']],
    [
      '出納閉鎖の後、決算へ',
      ['出納', '納閉', '閉鎖', '鎖の', 'の後', '後', '決算', '算へ', 'へ'],
    ],
    [
      '地方自治法第235条の5',
      ['地方', '方自', '自治', '治法', '法第', '第', '235', '条の', 'の', '5'],
    ],
    ['Backstageの検索', ['backstage', 'の検', '検索', '索']],
    ['ｶﾀｶﾅとＡＢＣ', ['カタ', 'タカ', 'カナ', 'ナと', 'と', 'abc']],
    ['budget policy', []],
  ])('indexes %s as %j', (text, words) => {
    expect(japaneseIndexWords(text)).toEqual(words);
  });

  it('keeps every word of a title', () => {
    expect(
      japaneseIndexWords('出納閉鎖（Closing）', { allWords: true }),
    ).toEqual(['出納', '納閉', '閉鎖', '鎖', 'closing']);
  });

  it.each([
    ['出納閉鎖', '出納 納閉 閉鎖'],
    ['条件付採用', '条件 件付 付採 採用'],
    ['閉', '閉'],
    ['第235条', '第 235 条'],
    ['出納閉鎖 closing', '出納 納閉 閉鎖 closing'],
    ['budget policy', 'budget policy'],
    ['', ''],
  ])('asks for %s as %s', (term, query) => {
    expect(japaneseQueryTerm(term)).toBe(query);
  });
});

/**
 * The same searches on every engine search may run on: Lunr (the development engine)
 * and PostgreSQL (each configured test server), over the shipped content as the
 * collators make it.
 */
describe('Japanese search on every engine', () => {
  const databases = createTestDatabases();
  const decorated: Record<string, IndexableDocument[]> = {};

  beforeAll(async () => {
    const { server } = await startCityHallYearBackend(databases, 'SQLITE_3', {
      seed: true,
    });
    const port = (server.address() as AddressInfo).port;
    const deps = {
      discovery: {
        getBaseUrl: async () => `http://localhost:${port}/api/city-hall-year`,
        getExternalBaseUrl: async () => '',
      },
      auth: mockServices.auth({ pluginId: 'search' }),
      now: () => new Date('2026-11-24T00:00:00+09:00'),
    };
    for (const factory of [
      new EntryCollatorFactory(deps),
      new CourseCollatorFactory(deps),
    ]) {
      const collated = await TestPipeline.fromCollator(
        await factory.getCollator(),
      ).execute();
      const { documents, error } = await TestPipeline.fromDecorator(
        await new JapaneseNgramDecoratorFactory().getDecorator(),
      )
        .withDocuments(collated.documents)
        .execute();
      if (error) throw error;
      decorated[factory.type] = documents;
    }
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await japaneseSearchEngine({
        config: mockServices.rootConfig(),
        database: databaseOf(await databases.init(databaseId)),
        logger: mockServices.logger.mock(),
      });
      for (const [type, documents] of Object.entries(decorated)) {
        const { error } = await TestPipeline.fromIndexer(
          await engine.getIndexer(type),
        )
          .withDocuments(documents)
          .execute();
        if (error) throw error;
      }
    });

    it(`runs on ${
      (databaseId as TestDatabaseId).startsWith('POSTGRES')
        ? 'PostgreSQL'
        : 'Lunr'
    }`, () => {
      const inner = (engine as unknown as { engine: SearchEngine }).engine;
      expect(engine).toBeInstanceOf(JapaneseSearchEngine);
      expect(inner).toBeInstanceOf(
        databaseId.startsWith('POSTGRES')
          ? PgSearchEngine
          : JapaneseLunrSearchEngine,
      );
    });

    it.each([
      ['出納閉鎖', 'shutsuno-heisa'],
      ['予算編成', 'yosan-hensei-hoshin'],
      ['条件付採用', 'joken-tsuki-saiyo'],
      ['出納整理期間', 'shutsuno-seiri-kikan'],
      // Inside a word: 整理期間 is in 出納整理期間, never at its start.
      ['整理期間', 'shutsuno-seiri-kikan'],
    ])('finds %s and ranks %s first', async (term, slug) => {
      const { results } = await engine.query({ term });
      expect(results[0]?.document.location).toBe(
        `/city-hall-year/entries/${slug}`,
      );
    });

    it('answers results without the added fields', async () => {
      const { results } = await engine.query({ term: '出納閉鎖' });
      expect(results.length).toBeGreaterThan(1);
      for (const { document, highlight } of results) {
        for (const field of JAPANESE_NGRAM_FIELDS) {
          expect(document).not.toHaveProperty(field);
          expect(highlight?.fields ?? {}).not.toHaveProperty(field);
        }
      }
    });

    it('finds nothing for Japanese that occurs nowhere', async () => {
      const { results } = await engine.query({ term: '宇宙開発' });
      expect(results).toEqual([]);
    });

    it('finds a single kanji and a query of Japanese and English', async () => {
      const single = await engine.query({ term: '鎖' });
      expect(single.results.map(r => r.document.location)).toContain(
        '/city-hall-year/entries/shutsuno-heisa',
      );
      const mixed = await engine.query({ term: '出納閉鎖 closing' });
      expect(mixed.results[0]?.document.location).toBe(
        '/city-hall-year/entries/shutsuno-heisa',
      );
    });

    it('keeps English search and the query’s types', async () => {
      const { results } = await engine.query({
        term: 'settlement',
        types: ['city-hall-year-course'],
      });
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(result.type).toBe('city-hall-year-course');
      }
    });
  });
});

describe('searchModuleJapanese', () => {
  it('sets the Japanese engine and decorates every document type', async () => {
    const setSearchEngine = jest.fn();
    const addDecorator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [searchEngineRegistryExtensionPoint, { setSearchEngine }],
        [
          searchIndexRegistryExtensionPoint,
          { addDecorator, addCollator: jest.fn() },
        ],
      ],
      features: [searchModuleJapanese],
    });
    expect(setSearchEngine).toHaveBeenCalledWith(
      expect.any(JapaneseSearchEngine),
    );
    expect(addDecorator).toHaveBeenCalledWith({
      factory: expect.any(JapaneseNgramDecoratorFactory),
    });
    // No `types`: the decorator sees the catalog's documents too.
    expect(addDecorator.mock.calls[0][0].factory.types).toBeUndefined();
  });
});
