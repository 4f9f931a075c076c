import { useApi } from '@backstage/core-plugin-api';
import {
  nowAndNextFiscalYears,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../api';

/**
 * Occurrences around today: the current fiscal year, and the next one too when the
 * next 30 days reach past 31 March. With `mine`, of the signed-in person's own year.
 */
export function useNowAndNext(today: string, mine = false) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(async (): Promise<YearOccurrence[]> => {
    const years = nowAndNextFiscalYears(today);
    const views = await Promise.all(
      years.map(y => (mine ? api.getMyYear(y) : api.getYear(y))),
    );
    return views.flatMap(v => v.occurrences);
  }, [api, today, mine]);
}
