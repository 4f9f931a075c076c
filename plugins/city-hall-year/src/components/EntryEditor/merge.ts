import {
  changedFields,
  defaultMergeChoices,
  mergeFields,
  type EntryInput,
  type MergeChoices,
} from '@internal/plugin-city-hall-year-common';

/** Editable fields that can differ between two versions of an entry. */
export type MergeField = keyof EntryInput & string;

/** Which side to keep, per field that differs. */
export type MergeChoice = MergeChoices<EntryInput>;

/** The fields where my draft and the saved version differ. */
export const conflictingFields = (
  mine: EntryInput,
  theirs: EntryInput,
): MergeField[] => changedFields(mine, theirs);

export { defaultMergeChoices as defaultChoices, mergeFields as mergeEntry };
