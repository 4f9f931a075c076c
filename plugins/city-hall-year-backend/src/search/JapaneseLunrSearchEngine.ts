import {
  LunrSearchEngine,
  type LunrQueryTranslator,
  type LunrSearchEngineIndexer,
} from '@backstage/plugin-search-backend-node';
import lunr from 'lunr';
import { JAPANESE_CHAR, RUN } from './japaneseNgrams';

/*
 * Lunr, as Backstage configures it, cannot find Japanese: `lunr.trimmer` strips every
 * non-\w character, so a token of kanji or kana becomes empty, and Japanese has no
 * spaces, so a whole run of text would be one token anyway. This engine indexes and
 * queries with a tokenizer that turns runs of Han, Hiragana and Katakana into
 * overlapping character bigrams (a one-character run stays one token), and leaves
 * every other word as Backstage's Lunr has it: split on non-letters and non-numbers,
 * lower-cased, stop words dropped, stemmed when ASCII.
 */

const CJK_TOKEN =
  /^[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]+$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;
/** Tokens are lower-cased letters and numbers, so ASCII ones are these. */
const ASCII_TOKEN = /^[a-z0-9]*$/;

type TokenMetadata = Record<string, unknown>;

function isCjkToken(token: string): boolean {
  return CJK_TOKEN.test(token);
}

/** The tokens of one run of letters, numbers and marks that starts at `runStart`. */
function tokenizeRun(
  run: string,
  runStart: number,
  withPosition: boolean,
  metadata: TokenMetadata | undefined,
  tokens: lunr.Token[],
) {
  // Full-width letters and digits, half-width katakana and composed kana all become
  // one form. If that changes the run's length, offsets no longer map one to one, so
  // every token of the run is located at the whole run (still right for highlights).
  const normalized = run.normalize('NFKC').toLowerCase();
  const sameLength = normalized.length === run.length;
  const push = (str: string, start: number, end: number) => {
    const tokenMetadata: TokenMetadata = { ...metadata };
    if (withPosition) {
      tokenMetadata.position = sameLength
        ? [runStart + start, end - start]
        : [runStart, run.length];
    }
    tokenMetadata.index = tokens.length;
    tokens.push(new lunr.Token(str, tokenMetadata));
  };

  type Char = { char: string; start: number; end: number };
  type Kind = 'cjk' | 'other';
  let segment: Char[] = [];
  let kind: Kind | undefined;
  const flush = () => {
    if (segment.length === 0) return;
    if (kind === 'cjk' && segment.length > 1) {
      for (let i = 0; i + 1 < segment.length; i++) {
        push(
          segment[i].char + segment[i + 1].char,
          segment[i].start,
          segment[i + 1].end,
        );
      }
    } else {
      push(
        segment.map(c => c.char).join(''),
        segment[0].start,
        segment[segment.length - 1].end,
      );
    }
    segment = [];
    kind = undefined;
  };

  let offset = 0;
  for (const char of normalized) {
    const start = offset;
    offset += char.length;
    let charKind: Kind | undefined;
    if (JAPANESE_CHAR.test(char)) charKind = 'cjk';
    else if (WORD_CHAR.test(char)) charKind = 'other';
    else if (MARK_CHAR.test(char)) charKind = kind ?? 'other';
    // NFKC can turn one character into punctuation (㈱ is "(株)"): a separator.
    if (charKind === undefined) {
      flush();
      continue;
    }
    if (charKind !== kind) flush();
    kind = charKind;
    segment.push({ char, start, end: offset });
  }
  flush();
}

/**
 * Splits text into Lunr tokens: words of other scripts as they are, runs of Japanese
 * letters as character bigrams (the character itself for a run of one). Lower-cases
 * and NFKC-normalizes; positions refer to the original text, for highlighting.
 * Called like `lunr.tokenizer`, with the same handling of arrays and non-strings.
 */
function tokenize(obj?: unknown, metadata?: TokenMetadata): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const tokens: lunr.Token[] = [];
  if (Array.isArray(obj)) {
    // Like lunr.tokenizer, elements of an array carry no position.
    for (const element of obj) {
      if (element === null || element === undefined) continue;
      for (const match of String(element).matchAll(RUN)) {
        tokenizeRun(match[0], match.index ?? 0, false, metadata, tokens);
      }
    }
    return tokens;
  }
  for (const match of String(obj).matchAll(RUN)) {
    tokenizeRun(match[0], match.index ?? 0, true, metadata, tokens);
  }
  return tokens;
}

/** {@link tokenize} in the shape of `lunr.tokenizer`, which a Builder expects. */
export const japaneseTokenizer = Object.assign(tokenize, {
  separator: /[^\p{L}\p{N}\p{M}]+/u,
}) as typeof lunr.tokenizer &
  ((obj?: unknown, metadata?: TokenMetadata) => lunr.Token[]);

/** `lunr.trimmer` for every script: strips what is neither letter, number nor mark. */
export const unicodeTrimmer: lunr.PipelineFunction = token =>
  token.update(s =>
    s.replace(/^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu, ''),
  );

/** `lunr.stemmer` (an English stemmer) applied only to ASCII tokens. */
export const asciiStemmer: lunr.PipelineFunction = token =>
  ASCII_TOKEN.test(token.toString()) ? lunr.stemmer(token) : token;

// Registered so that Lunr can serialize the pipelines (and does not warn about them).
const registered = (
  lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }
).registeredFunctions;
for (const [fn, label] of [
  [unicodeTrimmer, 'cityHallYearUnicodeTrimmer'],
  [asciiStemmer, 'cityHallYearAsciiStemmer'],
] as const) {
  if (registered[label] === undefined) {
    lunr.Pipeline.registerFunction(fn, label);
  } else {
    (fn as { label?: string }).label = label;
  }
}

/** Points a Backstage Lunr builder at the Japanese-aware tokenizer and pipelines. */
export function configureJapaneseBuilder(builder: lunr.Builder): void {
  builder.tokenizer = japaneseTokenizer;
  builder.pipeline.reset();
  builder.pipeline.add(unicodeTrimmer, lunr.stopWordFilter, asciiStemmer);
  // No stop word filter at query time: a REQUIRED clause whose term the search
  // pipeline drops makes lunr 2.3.9 throw. Stop words are never indexed anyway.
  builder.searchPipeline.reset();
  builder.searchPipeline.add(unicodeTrimmer, asciiStemmer);
}

type Position = [number, number];
type FieldMetadata = { position?: unknown[] } & Record<string, unknown>;

/**
 * Overlapping bigrams match overlapping stretches of text, which Backstage's
 * highlighting (tags inserted at each position, from the end) would garble. Merges
 * the positions of each field into disjoint stretches, kept under one term.
 */
export function mergeHighlightPositions(result: lunr.Index.Result): void {
  const metadata = result.matchData.metadata as Record<
    string,
    Record<string, FieldMetadata>
  >;
  const positions = new Map<string, Position[]>();
  for (const fields of Object.values(metadata)) {
    for (const [field, fieldMetadata] of Object.entries(fields)) {
      const list = positions.get(field) ?? [];
      for (const position of fieldMetadata.position ?? []) {
        if (Array.isArray(position)) list.push(position as Position);
      }
      positions.set(field, list);
    }
  }
  const merged = new Map<string, Position[]>();
  for (const [field, list] of positions) {
    const sorted = [...list].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const disjoint: Position[] = [];
    for (const [start, length] of sorted) {
      const last = disjoint[disjoint.length - 1];
      if (last && start <= last[0] + last[1]) {
        last[1] = Math.max(last[1], start + length - last[0]);
      } else {
        disjoint.push([start, length]);
      }
    }
    merged.set(field, disjoint);
  }
  const result_: Record<string, Record<string, FieldMetadata>> = {};
  for (const [term, fields] of Object.entries(metadata)) {
    result_[term] = {};
    for (const [field, fieldMetadata] of Object.entries(fields)) {
      const disjoint = merged.get(field);
      merged.delete(field);
      result_[term][field] = { ...fieldMetadata, position: disjoint ?? [] };
    }
  }
  result.matchData.metadata = result_;
}

/**
 * Backstage's Lunr search engine with Japanese support: entries titled 出納閉鎖 are
 * found by 出納閉鎖. Japanese query words match where all their bigrams occur; other
 * words are matched as Backstage's Lunr engine matches them (exact after stemming,
 * by prefix, and within two edits).
 *
 * @public
 */
export class JapaneseLunrSearchEngine extends LunrSearchEngine {
  constructor(options: ConstructorParameters<typeof LunrSearchEngine>[0]) {
    super(options);
    this.setTranslator(this.japaneseTranslator);
  }

  async getIndexer(type: string): Promise<LunrSearchEngineIndexer> {
    const indexer = await super.getIndexer(type);
    // The builder is private in the typings, but it is how the index is configured.
    configureJapaneseBuilder(
      (indexer as unknown as { builder: lunr.Builder }).builder,
    );
    const buildIndex = indexer.buildIndex.bind(indexer);
    indexer.buildIndex = () => {
      const index = buildIndex();
      const query = index.query.bind(index);
      index.query = fn => {
        const results = query(fn);
        results.forEach(mergeHighlightPositions);
        return results;
      };
      return index;
    };
    return indexer;
  }

  private readonly japaneseTranslator: LunrQueryTranslator = ({
    term,
    filters,
    types,
    pageLimit,
  }) => {
    const pageSize = pageLimit || 25;
    return {
      lunrQueryBuilder: q => {
        for (const token of japaneseTokenizer(term)) {
          const str = token.toString();
          if (isCjkToken(str)) {
            // Every bigram of a Japanese word must occur; a single character
            // matches any bigram that contains it.
            if ([...str].length === 1) {
              q.term(str, {
                usePipeline: false,
                boost: 100,
                presence: lunr.Query.presence.REQUIRED,
                wildcard:
                  lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING,
              });
            } else {
              q.term(str, {
                usePipeline: true,
                boost: 100,
                presence: lunr.Query.presence.REQUIRED,
              });
            }
          } else {
            // Backstage's default for each word.
            q.term(str, { usePipeline: true, boost: 100 });
            q.term(str, {
              usePipeline: false,
              boost: 10,
              wildcard: lunr.Query.wildcard.TRAILING,
            });
            q.term(str, { usePipeline: false, editDistance: 2, boost: 1 });
          }
        }

        // Filters as in Backstage's LunrSearchEngine, tokenized like the index.
        if (filters) {
          Object.entries(filters).forEach(([field, fieldValue]) => {
            if (!q.allFields.includes(field)) {
              // Caught by LunrSearchEngine.query: that index is skipped.
              throw new Error(`unrecognised field ${field}`);
            }
            const value =
              Array.isArray(fieldValue) && fieldValue.length === 1
                ? fieldValue[0]
                : fieldValue;
            if (['string', 'number', 'boolean'].includes(typeof value)) {
              q.term(
                japaneseTokenizer(String(value)).filter(
                  t => lunr.stopWordFilter(t) !== undefined,
                ),
                {
                  presence: lunr.Query.presence.REQUIRED,
                  fields: [field],
                },
              );
            } else if (Array.isArray(value)) {
              this.logger.warn(
                `Non-scalar filter value used for field ${field}. Consider using a different Search Engine for better results.`,
              );
              q.term(japaneseTokenizer(value), {
                presence: lunr.Query.presence.OPTIONAL,
                fields: [field],
              });
            } else {
              this.logger.warn(`Unknown filter type used on field ${field}`);
            }
          });
        }
      },
      documentTypes: types,
      pageSize,
    };
  };
}
