import { dequal } from 'dequal';
import type { EntryFields } from './schema';

/**
 * A value without the keys whose value is `undefined`, at any depth: a form that
 * clears an optional field (`en: undefined`) means the same as a stored entry that
 * never had it, and JSON (the database, the API) cannot tell them apart either.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    );
  }
  return value;
}

/**
 * Whether two field values are the same: structural equality (key order does not
 * matter), with a missing value, `undefined` and `null` alike.
 *
 * @public
 */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  return dequal(withoutUndefined(a ?? null), withoutUndefined(b ?? null));
}

/**
 * The names of the fields that differ between two states of an entry, sorted; every
 * field of `after` when there is no `before` (a new entry).
 *
 * @public
 */
export function changedFields<T extends object>(
  before: T | undefined,
  after: T,
): Array<keyof T & string> {
  const keys = new Set([
    ...Object.keys(before ?? {}),
    ...Object.keys(after),
  ]) as Set<keyof T & string>;
  return [...keys]
    .filter(key => !sameFieldValue(before?.[key], after[key]))
    .sort();
}

/**
 * Which side to keep, per field that differs between my draft and the saved entry.
 *
 * @public
 */
export type MergeChoices<T extends object> = Partial<
  Record<keyof T & string, 'mine' | 'theirs'>
>;

/**
 * The starting choice per field where my draft and their saved version differ: a
 * field only they changed (mine still equals what I started from) takes theirs;
 * anything I changed keeps mine. Nobody's text is dropped silently: the person sees
 * every difference before saving.
 *
 * @public
 */
export function defaultMergeChoices<T extends object>(
  base: T,
  mine: T,
  theirs: T,
): MergeChoices<T> {
  return Object.fromEntries(
    changedFields(mine, theirs).map(key => [
      key,
      sameFieldValue(mine[key], base[key]) ? 'theirs' : 'mine',
    ]),
  ) as MergeChoices<T>;
}

/**
 * My draft with the chosen fields taken from their version.
 *
 * @public
 */
export function mergeFields<T extends object>(
  mine: T,
  theirs: T,
  choices: MergeChoices<T>,
): T {
  const merged = { ...mine };
  for (const [key, side] of Object.entries(choices)) {
    if (side === 'theirs') merged[key as keyof T] = theirs[key as keyof T];
  }
  return merged;
}

/**
 * The text an entry is found by in the list's `q` filter: its permalink, title,
 * summary and purpose in both languages, its legal basis, tags and FAQ, in lower case.
 *
 * @public
 */
export function entrySearchText(fields: EntryFields): string {
  return [
    fields.slug,
    fields.title.ja,
    fields.title.en,
    fields.summary.ja,
    fields.summary.en,
    fields.purpose.ja,
    fields.purpose.en,
    ...fields.legalBasis.flatMap(b => [b.law, b.article]),
    ...fields.tags,
    ...(fields.faq ?? []).flatMap(f => [f.question, f.answer]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase('ja-JP');
}
