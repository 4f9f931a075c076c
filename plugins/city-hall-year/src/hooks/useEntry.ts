import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../api';

/** One entry from the backend, by slug; `retry` loads it again after a change. */
export function useEntry(slug: string) {
  const api = useApi(cityHallYearApiRef);
  const state = useAsyncRetry(() => api.getEntry(slug), [api, slug]);
  // The async hook keeps the last value while it loads the next one. Refreshing the
  // same entry may show it meanwhile; another entry (the next step of a course) must
  // not be shown under the new address, so it counts as still loading.
  if (state.value && state.value.slug !== slug && state.value.id !== slug) {
    return { ...state, value: undefined, loading: true };
  }
  return state;
}
