import { diffChars, diffWords, type ChangeObject } from 'diff';

/** A piece of text that stayed, went or came between two versions. */
export interface TextChange {
  value: string;
  kind: 'same' | 'removed' | 'added';
}

/** Japanese has no spaces between words: the runtime's dictionary finds them. */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A replaced Japanese word this short is compared again character by character. */
const REFINE_LENGTH = 24;
const JAPANESE = /[\u3000-\u9fff\uff00-\uffef]/;

const kindOf = (c: ChangeObject<string>): TextChange['kind'] => {
  if (c.added) return 'added';
  if (c.removed) return 'removed';
  return 'same';
};

/**
 * What changed between two texts, word by word (Japanese words as `Intl.Segmenter`
 * finds them), and inside a short replaced Japanese word character by character:
 * 「10月〜11月」 to 「10月〜12月」 marks the 1 and the 2, not the whole phrase.
 */
export function textChanges(before: string, after: string): TextChange[] {
  const words = diffWords(before, after, { intlSegmenter: segmenter });
  const result: TextChange[] = [];
  for (let i = 0; i < words.length; i++) {
    const change = words[i];
    const next = words[i + 1];
    if (
      change.removed &&
      next?.added &&
      change.value.length <= REFINE_LENGTH &&
      next.value.length <= REFINE_LENGTH &&
      JAPANESE.test(change.value + next.value)
    ) {
      for (const c of diffChars(change.value, next.value)) {
        result.push({ value: c.value, kind: kindOf(c) });
      }
      i++;
    } else {
      result.push({ value: change.value, kind: kindOf(change) });
    }
  }
  // Neighbours of the same kind read as one mark.
  return result.reduce<TextChange[]>((merged, c) => {
    const last = merged[merged.length - 1];
    if (last && last.kind === c.kind) last.value += c.value;
    else merged.push({ ...c });
    return merged;
  }, []);
}
