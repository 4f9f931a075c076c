import { useApi } from '@backstage/core-plugin-api';
import { resolveFiscalYear } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../api';
import { useGuideLanguage } from './useGuideLanguage';
import { useToday } from './useToday';

/**
 * The titles of entries named by their slugs (chains, dependencies), in the reader's
 * language: from this fiscal year's view, which the year page has already fetched,
 * and for the few it does not hold (a draft, an entry without dates this year) from
 * the entry itself. An entry the reader may not read keeps its slug.
 */
export function useEntryTitles(slugs: string[]): Map<string, string> {
  const api = useApi(cityHallYearApiRef);
  const language = useGuideLanguage();
  const today = useToday();
  const fiscalYear = resolveFiscalYear(today);
  const key = [...new Set(slugs)].sort().join(',');
  const { value } = useAsync(async () => {
    const wanted = key ? key.split(',') : [];
    const titles = new Map<string, { ja: string; en?: string }>();
    if (wanted.length === 0) return titles;
    const year = await api.getYear(fiscalYear);
    for (const o of [...year.occurrences, ...year.asNeeded]) {
      titles.set(o.slug, o.title);
    }
    await Promise.all(
      wanted
        .filter(slug => !titles.has(slug))
        .map(async slug => {
          const entry = await api.getEntry(slug).catch(() => undefined);
          if (entry) titles.set(slug, entry.title);
        }),
    );
    return titles;
  }, [api, key, fiscalYear]);
  return new Map(
    (key ? key.split(',') : []).map(slug => {
      const title = value?.get(slug);
      return [slug, (language === 'en' && title?.en) || title?.ja || slug];
    }),
  );
}
