import type { EntryInput } from '@internal/plugin-city-hall-year-common';

/** Editable fields that can differ between two versions of an entry. */
export type MergeField = keyof EntryInput;

/** Which side to keep, per field that differs. */
export type MergeChoice = Partial<Record<MergeField, 'mine' | 'theirs'>>;

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields where my draft and the saved version differ. */
export function conflictingFields(
  mine: EntryInput,
  theirs: EntryInput,
): MergeField[] {
  const keys = new Set([
    ...Object.keys(mine),
    ...Object.keys(theirs),
  ]) as Set<MergeField>;
  return [...keys].filter(key => !same(mine[key], theirs[key])).sort();
}

/**
 * The starting choice per conflicting field: a field only they changed (mine still
 * equals what I started from) takes theirs; anything I changed keeps mine. Nobody's
 * text is dropped silently: the person sees every difference before saving.
 */
export function defaultChoices(
  base: EntryInput,
  mine: EntryInput,
  theirs: EntryInput,
): MergeChoice {
  return Object.fromEntries(
    conflictingFields(mine, theirs).map(key => [
      key,
      same(mine[key], base[key]) ? 'theirs' : 'mine',
    ]),
  );
}

/** My draft with the chosen fields taken from their version. */
export function mergeEntry(
  mine: EntryInput,
  theirs: EntryInput,
  choices: MergeChoice,
): EntryInput {
  const merged: Record<string, unknown> = { ...mine };
  for (const [key, side] of Object.entries(choices)) {
    if (side === 'theirs') merged[key] = theirs[key as MergeField];
  }
  return merged as EntryInput;
}
