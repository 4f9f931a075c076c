import { fiscalYearParamSchema } from '@internal/plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { sendCached } from './sendCached';
import { callers, noQuerySchema, parseRequest } from './util';

/** One fiscal year: every published occurrence, sorted and labelled. */
export function yearRoutes(router: Router, options: RouterOptions) {
  const { yearService } = options;
  const { reader } = callers(options.httpAuth);

  router.get('/years/:fiscalYear', async (req, res) => {
    const credentials = await reader(req);
    const fiscalYear = parseRequest(
      fiscalYearParamSchema,
      req.params.fiscalYear,
      'fiscal year',
    );
    parseRequest(noQuerySchema, req.query, 'query');
    sendCached(
      req,
      res,
      'application/json; charset=utf-8',
      await yearService.getYearJson(fiscalYear, credentials),
    );
  });
}
