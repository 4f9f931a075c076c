import { fiscalYearParamSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, parseRequest } from './util';

/**
 * HR: how far each department confirmed its entries for a fiscal year, and what the
 * updates of the shipped content did.
 */
export function confirmationRoutes(router: Router, options: RouterOptions) {
  const { handover } = options;
  const { user } = callers(options.httpAuth);

  router.get('/confirmations/:fiscalYear', async (req, res) => {
    const ctx = await user(req);
    const fiscalYear = parseRequest(
      fiscalYearParamSchema,
      req.params.fiscalYear,
      'fiscal year',
    );
    res.json(await handover.confirmations(fiscalYear, ctx));
  });

  router.get('/content-updates', async (req, res) => {
    res.json(await handover.contentUpdates(await user(req)));
  });
}
