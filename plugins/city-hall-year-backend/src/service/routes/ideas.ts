import {
  entryIdeaListQuerySchema,
  ideaInputSchema,
  ideaListQuerySchema,
  ideaStatusSchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, entryParam, idParam, parseBody, parseRequest } from './util';

/**
 * Process-review ideas: anyone who reads an entry submits one; the review office gives
 * it a status and a public answer; `GET /ideas` lists them across the city (CSV too).
 */
export function ideaRoutes(router: Router, options: RouterOptions) {
  const { ideas } = options;
  const { user } = callers(options.httpAuth);
  const ideaParam = (value: string) => idParam(value, 'idea id');

  router.get('/entries/:id/ideas', async (req, res) => {
    const ctx = await user(req);
    const page = parseRequest(entryIdeaListQuerySchema, req.query, 'query');
    res.json(await ideas.listForEntry(entryParam(req), page, ctx));
  });

  router.post('/entries/:id/ideas', async (req, res) => {
    const ctx = await user(req);
    const fields = parseBody(ideaInputSchema, req);
    res.status(201).json(await ideas.submit(entryParam(req), fields, ctx));
  });

  router.get('/ideas', async (req, res) => {
    const ctx = await user(req);
    const { format, ...query } = parseRequest(
      ideaListQuerySchema,
      req.query,
      'query',
    );
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment('city-hall-year-ideas.csv')
        .send(await ideas.csv(query, ctx));
      return;
    }
    res.json(await ideas.list(query, ctx));
  });

  router.get('/ideas/:id', async (req, res) => {
    const ctx = await user(req);
    res.json(await ideas.get(ideaParam(req.params.id), ctx));
  });

  router.put('/ideas/:id/status', async (req, res) => {
    const ctx = await user(req);
    const id = ideaParam(req.params.id);
    const { version, ...update } = parseBody(ideaStatusSchema, req);
    res.json(await ideas.setStatus(id, update, version, ctx));
  });
}
