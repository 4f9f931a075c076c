import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../api';

/**
 * The year view of one fiscal year from the backend: the whole city's, or with
 * `mine` the signed-in person's own (あなたの一年).
 */
export function useYear(fiscalYear: number, mine = false) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(
    () => (mine ? api.getMyYear(fiscalYear) : api.getYear(fiscalYear)),
    [api, fiscalYear, mine],
  );
}
