import type {
  IndexableResultSet,
  QueryRequestOptions,
  QueryTranslator,
  SearchEngine,
  SearchQuery,
} from '@backstage/plugin-search-common';
import { JAPANESE_NGRAM_FIELDS } from './JapaneseNgramDecoratorFactory';
import { japaneseQueryTerm } from './japaneseNgrams';

function withoutNgrams<T extends object>(fields: T): T {
  const rest = { ...fields } as Record<string, unknown>;
  for (const field of JAPANESE_NGRAM_FIELDS) delete rest[field];
  return rest as T;
}

/**
 * A search engine that finds Japanese in documents decorated by
 * {@link JapaneseNgramDecoratorFactory}: the query's Japanese goes to the engine it
 * wraps as the same character bigrams (出納閉鎖 → 出納 納閉 閉鎖, each required by the
 * engines' own rules), and results come back without the added fields. Indexing is
 * the wrapped engine's own.
 *
 * @public
 */
export class JapaneseSearchEngine implements SearchEngine {
  constructor(private readonly engine: SearchEngine) {}

  setTranslator(translator: QueryTranslator): void {
    this.engine.setTranslator(translator);
  }

  getIndexer(type: string) {
    return this.engine.getIndexer(type);
  }

  async query(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResultSet> {
    const results = await this.engine.query(
      { ...query, term: japaneseQueryTerm(query.term) },
      options,
    );
    return {
      ...results,
      results: results.results.map(result => ({
        ...result,
        document: withoutNgrams(result.document),
        ...(result.highlight
          ? {
              highlight: {
                ...result.highlight,
                fields: withoutNgrams(result.highlight.fields),
              },
            }
          : {}),
      })),
    };
  }
}
