import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../api';

/** One entry from the backend, by slug; `retry` loads it again after a change. */
export function useEntry(slug: string) {
  const api = useApi(cityHallYearApiRef);
  return useAsyncRetry(() => api.getEntry(slug), [api, slug]);
}
