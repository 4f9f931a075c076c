import { fiscalYearParamSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useSearchParams } from 'react-router-dom';

/** The fiscal year a link names with `?fy=2026`, checked as the API checks it. */
export function fiscalYearParam(params: URLSearchParams): number | undefined {
  const parsed = fiscalYearParamSchema.safeParse(params.get('fy') ?? undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The fiscal year the page's address pins (`?fy=2026`), if any: links from training
 * handouts, courses and calendar feeds keep meaning the same dates.
 */
export function useFiscalYearParam(): number | undefined {
  const [params] = useSearchParams();
  return fiscalYearParam(params);
}
