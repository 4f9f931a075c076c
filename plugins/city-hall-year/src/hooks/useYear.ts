import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../api';

/** The whole-year view of one fiscal year from the backend. */
export function useYear(fiscalYear: number) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(() => api.getYear(fiscalYear), [api, fiscalYear]);
}
