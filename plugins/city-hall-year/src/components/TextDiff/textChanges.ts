import { diffArrays, diffChars } from 'diff';

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

const kindOf = (c: {
  added?: boolean;
  removed?: boolean;
}): TextChange['kind'] => {
  if (c.added) return 'added';
  if (c.removed) return 'removed';
  return 'same';
};

/** The words, spaces and punctuation of a text, in order: joined, the text itself. */
const segments = (text: string) =>
  Array.from(segmenter.segment(text), s => s.segment);

/**
 * What changed between two texts, word by word (words, Japanese ones too, as
 * `Intl.Segmenter` finds them; spaces and punctuation count as they are), and inside a short replaced Japanese word character by character:
 * 「10月〜11月」 to 「10月〜12月」 marks the 1 and the 2, not the whole phrase.
 */
export function textChanges(before: string, after: string): TextChange[] {
  // Word tokens compared as they are, whitespace included, so that each side reads
  // back exactly as it was written.
  const words = diffArrays(segments(before), segments(after)).map(c => ({
    ...c,
    value: c.value.join(''),
  }));
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
