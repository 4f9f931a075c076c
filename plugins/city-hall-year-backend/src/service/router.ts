import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  entryListQuerySchema,
  fiscalYearParamSchema,
  type HealthReport,
} from '@internal/plugin-city-hall-year-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseRequest } from './parse';
import type { YearService } from './YearService';

const idOrSlugSchema = z.string().min(1).max(80);

/**
 * HTTP routes of the plugin, mounted under /api/city-hall-year. Only parsing and
 * answering happen here; what a request means is up to the services.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  yearService: YearService;
}): Promise<express.Router> {
  const { httpAuth, yearService } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  router.get('/health', (_req, res) => {
    const report: HealthReport = { status: 'ok' };
    res.json(report);
  });

  router.get('/entries', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseRequest(entryListQuerySchema, req.query, 'query');
    res.json(await yearService.listEntries(query));
  });

  router.get('/entries/:idOrSlug', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const idOrSlug = parseRequest(idOrSlugSchema, req.params.idOrSlug, 'entry id');
    res.json(await yearService.getEntry(idOrSlug));
  });

  router.get('/years/:fiscalYear', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const fiscalYear = parseRequest(fiscalYearParamSchema, req.params.fiscalYear, 'fiscal year');
    res.json(await yearService.getYear(fiscalYear));
  });

  return router;
}
