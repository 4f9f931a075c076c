import {
  clarityInputSchema,
  clarityQuerySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, entryParam, parseBody, parseRequest } from './util';

/**
 * The "still unclear" signal (モヤモヤ): a reader's own answer on an entry, the index
 * of an entry, and the index of many entries (a department's, or the whole year's).
 */
export function clarityRoutes(router: Router, options: RouterOptions) {
  const { clarity } = options;
  const { user } = callers(options.httpAuth);

  router.put('/entries/:id/clarity', async (req, res) => {
    const ctx = await user(req);
    const { fiscalYear, ...fields } = parseBody(clarityInputSchema, req);
    res.json(await clarity.answer(entryParam(req), fields, fiscalYear, ctx));
  });

  router.get('/entries/:id/clarity', async (req, res) => {
    const ctx = await user(req);
    const { fiscalYear } = parseRequest(
      clarityQuerySchema.omit({ owner: true }),
      req.query,
      'query',
    );
    res.json(await clarity.get(entryParam(req), fiscalYear, ctx));
  });

  router.get('/clarity', async (req, res) => {
    const ctx = await user(req);
    const query = parseRequest(clarityQuerySchema, req.query, 'query');
    res.json(await clarity.overview(query, ctx));
  });
}
