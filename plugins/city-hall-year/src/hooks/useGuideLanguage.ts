import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  fiscalYearLabels,
  type GuideLanguage,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import { useCallback } from 'react';
import useObservable from 'react-use/esm/useObservable';

/** The language the person chose for the app: dates and month names follow it. */
export function useGuideLanguage(): GuideLanguage {
  const api = useApi(coreApis.appLanguage);
  const { language } = useObservable(api.language$(), api.getLanguage());
  return language === 'ja' ? 'ja' : 'en';
}

/** A month's short name in the guide's language, from luxon: 4月, Apr. */
export function monthName(
  month: number,
  language: GuideLanguage,
  width: 'short' | 'long' = 'short',
): string {
  return DateTime.utc(2000, month, 1)
    .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
    .toLocaleString({ month: width });
}

/** A text in Japanese, perhaps with English alongside, as entries and courses hold it. */
export interface LocalizedText {
  ja: string;
  en?: string;
}

/**
 * A text in `language` where it has one, the Japanese otherwise, with the language it
 * is in (for the `lang` attribute).
 */
export function inLanguage(
  text: LocalizedText,
  language: GuideLanguage,
): { text: string; lang: GuideLanguage } {
  return language === 'en' && text.en
    ? { text: text.en, lang: 'en' }
    : { text: text.ja, lang: 'ja' };
}

/**
 * Picks a text in the reader's language: the English where there is one for an English
 * reader, the Japanese otherwise (never an empty text).
 */
export function useLocalize(): (text: LocalizedText | undefined) => string {
  const language = useGuideLanguage();
  return useCallback(
    (text: LocalizedText | undefined) =>
      text ? inLanguage(text, language).text : '',
    [language],
  );
}

/**
 * How a fiscal year is named to the reader: 「令和8年度（FY2026）」 in Japanese, where
 * both systems are in use, and "FY2026" in English, where the era helps nobody.
 */
export function useFiscalYearLabel(): (fiscalYear: number) => string {
  const language = useGuideLanguage();
  return useCallback(
    (fiscalYear: number) => {
      const labels = fiscalYearLabels(fiscalYear);
      return language === 'ja' ? `${labels.ja}（${labels.en}）` : labels.en;
    },
    [language],
  );
}
