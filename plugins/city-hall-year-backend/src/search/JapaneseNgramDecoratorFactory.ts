import { DecoratorBase } from '@backstage/plugin-search-backend-node';
import type {
  DocumentDecoratorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { japaneseIndexWords } from './japaneseNgrams';

/** The fields the decorator adds, which the engine indexes and results leave out. */
export const JAPANESE_NGRAM_FIELDS = ['jaTitle', 'jaText'] as const;

/**
 * How many times a title's words are written: PostgreSQL weighs every added field
 * alike (below the title and text), so a title's words are repeated to rank the
 * entry named 出納閉鎖 above the entries that mention it.
 */
const TITLE_WEIGHT = 3;

/**
 * PostgreSQL truncates a too-long `text` and tries again, but not added fields: the
 * words of at most this much text are indexed.
 */
const MAX_TEXT = 50_000;

/** A document with its Japanese as bigrams, as the engine indexes it. */
type JapaneseNgramDocument = IndexableDocument &
  Record<(typeof JAPANESE_NGRAM_FIELDS)[number], string>;

class JapaneseNgramDecorator extends DecoratorBase {
  async initialize() {}
  async finalize() {}
  async decorate(document: IndexableDocument): Promise<JapaneseNgramDocument> {
    const title = japaneseIndexWords(document.title ?? '', {
      allWords: true,
    }).join(' ');
    return {
      ...document,
      // Every document gets both fields, even empty: Lunr reads the fields of an
      // index from its first document.
      jaTitle: title ? Array(TITLE_WEIGHT).fill(title).join(' ') : '',
      jaText: japaneseIndexWords((document.text ?? '').slice(0, MAX_TEXT)).join(
        ' ',
      ),
    };
  }
}

/**
 * Adds the Japanese of every document's title and text as character bigrams
 * (`jaTitle`, `jaText`), so that any search engine that splits words at spaces finds
 * 出納閉鎖 inside 出納閉鎖の後. Pairs with {@link JapaneseSearchEngine}, which turns the
 * query's Japanese into the same bigrams and leaves these fields out of results.
 *
 * @public
 */
export class JapaneseNgramDecoratorFactory implements DocumentDecoratorFactory {
  async getDecorator(): Promise<DecoratorBase> {
    return new JapaneseNgramDecorator();
  }
}
