import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { useSearchParams } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';

/**
 * The fiscal year a curriculum link pins with `?fy=2026`, so that a training handout
 * keeps meaning the same dates; absent or invalid, the current fiscal year.
 */
export function usePinnedFiscalYear(): number | undefined {
  const [params] = useSearchParams();
  const fy = Number(params.get('fy'));
  return Number.isInteger(fy) && fy >= 1989 && fy <= 2200 ? fy : undefined;
}

/** A curriculum with its steps resolved for the pinned (or current) fiscal year. */
export function useCurriculum(slug: string, fiscalYear?: number) {
  const api = useApi(cityHallYearApiRef);
  return useAsync(
    () => api.getCurriculum(slug, fiscalYear),
    [api, slug, fiscalYear],
  );
}
