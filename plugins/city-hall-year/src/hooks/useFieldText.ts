import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  describeTiming,
  fiscalYearLabels,
  timingSchema,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useCallback } from 'react';
import { cityHallYearTranslationRef } from '../translation';
import { useEntryTitles } from './useEntryTitles';
import { inLanguage, useGuideLanguage } from './useGuideLanguage';
import { useOwnerNames } from './useOwnerNames';

type Fields = Partial<Record<keyof EntryInput | string, unknown>>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];

/** The entries a state names: its chain and the entries its timing is relative to. */
function slugsOf(fields: Fields): string[] {
  const timing = timingSchema.safeParse(fields.timing);
  return [
    ...strings(fields.dependsOn),
    ...strings(fields.feedsInto),
    ...(timing.success
      ? timing.data.rules.flatMap(r => (r.kind === 'relative' ? [r.entry] : []))
      : []),
  ];
}

function groupsOf(fields: Fields): string[] {
  return [
    ...(typeof fields.owner === 'string' ? [fields.owner] : []),
    ...strings(fields.relatedGroups),
    ...(Array.isArray(fields.participants)
      ? (fields.participants as Array<{ group?: unknown }>).flatMap(p =>
          typeof p?.group === 'string' ? [p.group] : [],
        )
      : []),
  ];
}

/**
 * Reads the fields of entry states (revisions, a draft, the saved version) as a person
 * says them, for the history and the merge dialog: bilingual text as the Japanese
 * then the English, the timing in words, departments by their catalog names, chained
 * entries by their titles, the FAQ as questions and answers. Nothing is shown as JSON
 * or as an identifier.
 *
 * @param states - every state whose fields will be read, so that their names and
 *   titles are fetched together
 */
export function useFieldText(
  states: Array<Fields | undefined>,
): (field: string, value: unknown) => string {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const present = states.filter((s): s is Fields => Boolean(s));
  const titles = useEntryTitles(present.flatMap(slugsOf));
  const names = useOwnerNames(present.flatMap(groupsOf));
  const titleKey = [...titles].join('|');

  return useCallback(
    (field: string, value: unknown): string => {
      const titleOf = (slug: string) => titles.get(slug) ?? slug;
      const nameOf = (ref: string) => names.get(ref) ?? ref;
      if (value === undefined || value === null) return '';
      switch (field) {
        case 'owner':
          return nameOf(String(value));
        case 'relatedGroups':
          return strings(value).map(nameOf).join('、');
        case 'participants':
          return (
            value as Array<{
              role?: string;
              group?: string;
              note?: { ja: string; en?: string };
            }>
          )
            .map(p => {
              const who = p.group
                ? nameOf(p.group)
                : t(`participants.${p.role}` as 'participants.everyone');
              const note = p.note && inLanguage(p.note, language).text;
              return note ? `${who}: ${note}` : who;
            })
            .join('\n');
        case 'dependsOn':
        case 'feedsInto':
          return strings(value).map(titleOf).join('、');
        case 'tags':
          return strings(value).join('、');
        case 'cycle':
          return t(`cycles.${value}` as 'cycles.budget');
        case 'concernsFiscalYear':
          return t(
            `editor.concernsOptions.${value}` as 'editor.concernsOptions.current',
          );
        case 'status':
          return t(`statuses.${value}` as 'statuses.draft');
        case 'confirmedFiscalYear':
          return typeof value === 'number'
            ? fiscalYearLabels(value)[language]
            : String(value);
        case 'timing': {
          const timing = timingSchema.safeParse(value);
          return timing.success
            ? describeTiming(timing.data, language, titleOf)
            : '';
        }
        case 'legalBasis':
          return (
            value as Array<{ law: string; article?: string; note?: string }>
          )
            .map(
              b =>
                [b.law, b.article].filter(Boolean).join(' ') +
                (b.note ? `（${b.note}）` : ''),
            )
            .join('\n');
        case 'links':
          return (value as Array<{ title: string; url: string }>)
            .map(l => `${l.title} ${l.url}`)
            .join('\n');
        case 'faq':
          return (value as Array<{ question: string; answer: string }>)
            .map(f => `Q. ${f.question}\nA. ${f.answer}`)
            .join('\n\n');
        default:
          break;
      }
      if (typeof value === 'object' && 'ja' in value) {
        const { ja, en } = value as { ja: string; en?: string };
        return en ? `${ja}\n\n${en}` : ja;
      }
      return String(value);
    },
    // The maps are new objects each render; their contents are what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language, titleKey, names],
  );
}
