/*
 * Japanese is written without spaces, so a search engine that splits text into words
 * at spaces and punctuation (Lunr, PostgreSQL's text search) sees 出納閉鎖の後 as one
 * word and cannot find 出納閉鎖 in it. The same trick serves every engine: beside the
 * text, index each run of Japanese letters as its overlapping character bigrams, in
 * words of their own (出納 納閉 閉鎖 鎖の 後), and turn the Japanese in a query into the
 * same bigrams. A text holds a query's word when it holds all the word's bigrams.
 */

/** Letters of Japanese writing: kanji (with 々 and 〇), hiragana, katakana and ー. */
export const JAPANESE_CHAR =
  /^[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]$/u;
/** A run of letters, numbers and marks: what engines take as one word. */
export const RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** A run split where it changes between Japanese letters and other letters or numbers. */
function segments(run: string): Array<{ japanese: boolean; text: string }> {
  const found: Array<{ japanese: boolean; text: string }> = [];
  for (const char of run) {
    const japanese = JAPANESE_CHAR.test(char);
    const last = found[found.length - 1];
    if (last && last.japanese === japanese) last.text += char;
    else found.push({ japanese, text: char });
  }
  return found;
}

/** The overlapping character bigrams of a Japanese run; a run of one is itself. */
function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/** The runs of a text, each NFKC-normalized (full-width Ａ１ and half-width ｶﾅ as one form) and lower-cased. */
function runsOf(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase().matchAll(RUN)].map(m => m[0]);
}

/**
 * The words an engine indexes for the Japanese of a text: each Japanese run as its
 * bigrams and its last character (so that a one-character query, a prefix of some
 * word, finds it). Numbers and Latin words glued to Japanese (第235条, Backstageの)
 * are added as words of their own; with `allWords`, every other word too.
 */
export function japaneseIndexWords(
  text: string,
  options: { allWords?: boolean } = {},
): string[] {
  const words: string[] = [];
  for (const run of runsOf(text)) {
    const parts = segments(run);
    const glued = parts.length > 1;
    for (const part of parts) {
      if (part.japanese) {
        words.push(...bigrams(part.text));
        const chars = [...part.text];
        if (chars.length > 1) words.push(chars[chars.length - 1]);
      } else if (glued || options.allWords) {
        words.push(part.text);
      }
    }
  }
  return words;
}

/**
 * A query with its Japanese in bigrams, as {@link japaneseIndexWords} indexes it:
 * 出納閉鎖 → 出納 納閉 閉鎖; 第235条 → 第 235 条; other words as they are. Answers the
 * term unchanged when it has no Japanese.
 */
export function japaneseQueryTerm(term: string): string {
  const runs = runsOf(term);
  if (!runs.some(run => [...run].some(c => JAPANESE_CHAR.test(c)))) {
    return term;
  }
  return runs
    .flatMap(run =>
      segments(run).flatMap(part =>
        part.japanese ? bigrams(part.text) : [part.text],
      ),
    )
    .join(' ');
}
