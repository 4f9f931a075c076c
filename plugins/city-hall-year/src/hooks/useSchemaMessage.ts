import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useCallback } from 'react';
import type { ZodIssue } from 'zod';
import { cityHallYearTranslationRef } from '../translation';

/**
 * The shared schema's own words for the rules it checks beyond lengths and types,
 * and the translation of each. A message not listed here is shown as it is.
 */
const SCHEMA_MESSAGES = {
  'must be lower-case letters, digits and single hyphens': 'validation.slug',
  'day does not exist in that month': 'validation.noSuchDay',
  'must be a date as YYYY-MM-DD': 'validation.date',
  'is not a calendar date': 'validation.date',
  'end is before start': 'validation.endBeforeStart',
  'give at least one rule, an override, or mark the step as needed':
    'validation.noTiming',
  'only http and https links are accepted': 'validation.url',
  'must be a Group reference such as group:default/zaisei-ka':
    'validation.group',
  'two FAQ items have the same id': 'validation.faqIds',
} as const;

/**
 * A problem the shared schema (zod) found, in the reader's language and in words a
 * person uses: 「入力してください」, "At most 120 characters", not "String must
 * contain at least 1 character(s)".
 */
export function useSchemaMessage(): (issue: ZodIssue) => string {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return useCallback(
    (issue: ZodIssue) => {
      switch (issue.code) {
        case 'too_small':
          if (issue.type === 'string')
            return Number(issue.minimum) <= 1
              ? t('validation.required')
              : t('validation.minLength', { min: String(issue.minimum) });
          if (issue.type === 'number')
            return t('validation.min', { min: String(issue.minimum) });
          return t('validation.minItems', { min: String(issue.minimum) });
        case 'too_big':
          if (issue.type === 'string')
            return t('validation.maxLength', { max: String(issue.maximum) });
          if (issue.type === 'number')
            return t('validation.max', { max: String(issue.maximum) });
          return t('validation.maxItems', { max: String(issue.maximum) });
        case 'invalid_type':
          if (issue.received === 'undefined' || issue.received === 'null')
            return t('validation.required');
          if (issue.expected === 'integer' || issue.expected === 'number')
            return t('validation.number');
          return t('validation.invalid');
        case 'not_finite':
          return t('validation.number');
        case 'invalid_enum_value':
        case 'invalid_union_discriminator':
          return t('validation.choose');
        default: {
          const key =
            SCHEMA_MESSAGES[issue.message as keyof typeof SCHEMA_MESSAGES];
          return key ? t(key) : issue.message;
        }
      }
    },
    [t],
  );
}
