import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';

/** A course with its steps resolved for the pinned (or current) fiscal year. */
export function useCourse(slug: string, fiscalYear?: number) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(
    () => api.getCourse(slug, fiscalYear),
    [api, slug, fiscalYear],
  );
}
