import { versionBodySchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouterOptions } from '../types';
import { callers, entryParam, parseBody, parseRequest } from './util';

const revisionSchema = z.coerce.number().int().min(1).max(1_000_000);

/** The history of an entry: who changed what, each whole state, and restoring one. */
export function revisionRoutes(router: Router, options: RouterOptions) {
  const { entryService } = options;
  const { user } = callers(options.httpAuth);
  const revisionParam = (value: string) =>
    parseRequest(revisionSchema, value, 'revision');

  router.get('/entries/:id/revisions', async (req, res) => {
    const ctx = await user(req);
    res.json({ items: await entryService.listRevisions(entryParam(req), ctx) });
  });

  router.get('/entries/:id/revisions/:revision', async (req, res) => {
    const ctx = await user(req);
    const revision = revisionParam(req.params.revision);
    res.json(await entryService.getRevision(entryParam(req), revision, ctx));
  });

  router.post('/entries/:id/revisions/:revision/restore', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const revision = revisionParam(req.params.revision);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await entryService.restore(id, revision, version, ctx));
  });
}
