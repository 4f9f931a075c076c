import { InputError } from '@backstage/errors';
import type { HealthReport } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import express from 'express';
import Router from 'express-promise-router';
import { changeRoutes } from './routes/changes';
import { clarityRoutes } from './routes/clarity';
import { confirmationRoutes } from './routes/confirmations';
import { courseRoutes } from './routes/courses';
import { entryRoutes } from './routes/entries';
import { feedRoutes } from './routes/feeds';
import { feedTokenRoutes } from './routes/feedTokens';
import { handoverRoutes } from './routes/handover';
import { importBodyParser, importExportRoutes } from './routes/importExport';
import { faqRoutes } from './routes/faq';
import { ideaRoutes } from './routes/ideas';
import { proposalRoutes } from './routes/proposals';
import { questionRoutes } from './routes/questions';
import { revisionRoutes } from './routes/revisions';
import { yearRoutes } from './routes/years';
import type { RouterOptions } from './types';

/**
 * HTTP routes of the plugin, mounted under /api/city-hall-year: one module per
 * resource in `routes/`. Only parsing and answering happen there; what a request
 * means is up to the services.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  // Imports carry a whole file; every other body is one entry at most.
  router.post('/import', importBodyParser);
  // PostgreSQL text cannot hold the NUL character, so it is refused on every database
  // alike: in the address, in JSON bodies and in imported files.
  router.use((req, _res, next) => {
    next(
      /%00/.test(req.originalUrl)
        ? new InputError('The address must not contain the NUL character')
        : undefined,
    );
  });
  router.use(
    express.json({
      limit: '256kb',
      reviver: (_key, value) => {
        if (typeof value === 'string' && value.includes('\u0000')) {
          throw new InputError('Text must not contain the NUL character');
        }
        return value;
      },
    }),
  );

  router.get('/health', (_req, res) => {
    const report: HealthReport = { status: 'ok' };
    res.json(report);
  });
  for (const addRoutes of [
    yearRoutes,
    entryRoutes,
    revisionRoutes,
    importExportRoutes,
    courseRoutes,
    feedTokenRoutes,
    feedRoutes,
    handoverRoutes,
    confirmationRoutes,
    changeRoutes,
    questionRoutes,
    faqRoutes,
    clarityRoutes,
    proposalRoutes,
    ideaRoutes,
  ]) {
    addRoutes(router, options);
  }
  return router;
}
