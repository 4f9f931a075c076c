import {
  fiscalYearParamSchema,
  yearQuerySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { sendCached } from './sendCached';
import { callers, parseRequest } from './util';

/**
 * One fiscal year: every published occurrence, sorted and labelled; with `mine=true`
 * only the signed-in person's own (あなたの一年), each saying why it is theirs.
 */
export function yearRoutes(router: Router, options: RouterOptions) {
  const { yearService, personalYear } = options;
  const { reader, user } = callers(options.httpAuth);

  router.get('/years/:fiscalYear', async (req, res) => {
    const credentials = await reader(req);
    const fiscalYear = parseRequest(
      fiscalYearParamSchema,
      req.params.fiscalYear,
      'fiscal year',
    );
    const { mine } = parseRequest(yearQuerySchema, req.query, 'query');
    if (mine) {
      // Only a person has a year of their own.
      const ctx = await user(req);
      const me = await personalYear.contextOf(
        ctx.credentials.principal.userEntityRef,
        fiscalYear,
      );
      sendCached(
        req,
        res,
        'application/json; charset=utf-8',
        await yearService.getMyYearJson(
          fiscalYear,
          ctx.credentials,
          me,
          personalYear.newHireCourse,
        ),
      );
      return;
    }
    sendCached(
      req,
      res,
      'application/json; charset=utf-8',
      await yearService.getYearJson(fiscalYear, credentials),
    );
  });
}
