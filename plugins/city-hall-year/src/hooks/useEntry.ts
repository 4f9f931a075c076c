import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../api';

/** One entry from the backend, by slug. */
export function useEntry(slug: string) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(() => api.getEntry(slug), [api, slug]);
}
