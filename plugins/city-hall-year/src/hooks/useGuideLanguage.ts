import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import type { GuideLanguage } from '@internal/plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import useObservable from 'react-use/esm/useObservable';

/** The language the person chose for the app: dates and month names follow it. */
export function useGuideLanguage(): GuideLanguage {
  const api = useApi(coreApis.appLanguage);
  const { language } = useObservable(api.language$(), api.getLanguage());
  return language === 'ja' ? 'ja' : 'en';
}

/** A month's short name in the guide's language, from luxon: 4月, Apr. */
export function monthName(month: number, language: GuideLanguage): string {
  return DateTime.utc(2000, month, 1)
    .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
    .toLocaleString({ month: 'short' });
}
