import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { cityHallYearTranslationRef } from '../translation';

/** The fields of an entry that have a label of their own in the translations. */
const FIELD_KEYS = [
  'slug',
  'cycle',
  'title',
  'summary',
  'purpose',
  'whatHappens',
  'forNewStaff',
  'legalBasis',
  'owner',
  'relatedGroups',
  'participants',
  'dependsOn',
  'feedsInto',
  'links',
  'tags',
  'faq',
  'concernsFiscalYear',
  'councilSession',
  'timing',
  'status',
  'publishAt',
  'reminderDaysBefore',
  'confirmedFiscalYear',
  'deleted',
] as const;

type FieldKey = (typeof FIELD_KEYS)[number];

function isFieldKey(field: string): field is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(field);
}

/** A field's label in the reader's language (担当課, Owner), never its key. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return field => (isFieldKey(field) ? t(`fields.${field}`) : field);
}
