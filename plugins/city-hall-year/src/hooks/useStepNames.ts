import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  occurrenceLabel,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useCallback } from 'react';
import { cityHallYearTranslationRef } from '../translation';
import { inLanguage, useGuideLanguage } from './useGuideLanguage';
import { shortName } from './useOwnerNames';

/**
 * What a screen reader says for a step of the year, the same in every view: its title,
 * when, its cycle and its department by name — 「出納閉鎖, 5月31日, 決算, 会計課」.
 * The title comes first, so the name holds the words a sighted reader sees.
 *
 * @param ownerNames - display names of the departments (from useOwnerNames)
 */
export function useStepName(
  ownerNames: ReadonlyMap<string, string>,
): (occurrence: YearOccurrence) => string {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  return useCallback(
    (o: YearOccurrence) =>
      [
        inLanguage(o.title, language).text,
        occurrenceLabel(o, language),
        t(`cycles.${o.cycle}`),
        ownerNames.get(o.owner) ?? shortName(o.owner),
      ].join(', '),
    [t, language, ownerNames],
  );
}
