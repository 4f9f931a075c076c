import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';

/** A curriculum with its steps resolved for the pinned (or current) fiscal year. */
export function useCurriculum(slug: string, fiscalYear?: number) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(
    () => api.getCurriculum(slug, fiscalYear),
    [api, slug, fiscalYear],
  );
}
