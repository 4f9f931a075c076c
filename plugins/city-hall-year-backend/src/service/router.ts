import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  entryInputSchema,
  entryListQuerySchema,
  entryUpdateSchema,
  fiscalYearParamSchema,
  versionBodySchema,
  type HealthReport,
} from '@internal/plugin-city-hall-year-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { CallContext, EntryService } from './EntryService';
import { parseRequest } from './parse';
import type { YearService } from './YearService';

const idOrSlugSchema = z.string().min(1).max(80);
const revisionSchema = z.coerce.number().int().min(1).max(1_000_000);
const noQuerySchema = z.object({}).strict();

/**
 * HTTP routes of the plugin, mounted under /api/city-hall-year. Only parsing and
 * answering happen here; what a request means is up to the services.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  yearService: YearService;
  entryService: EntryService;
}): Promise<express.Router> {
  const { httpAuth, yearService, entryService } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  const reader = (req: Request) => httpAuth.credentials(req, { allow: ['user', 'service'] });
  const writer = async (req: Request): Promise<CallContext> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });
  const entryId = (req: Request) => parseRequest(idOrSlugSchema, req.params.id, 'entry id');
  const body = <T extends z.ZodTypeAny>(schema: T, req: Request) =>
    parseRequest(schema, req.body ?? {}, 'body');

  router.get('/health', (_req, res) => {
    const report: HealthReport = { status: 'ok' };
    res.json(report);
  });

  router.get('/entries', async (req, res) => {
    const credentials = await reader(req);
    const query = parseRequest(entryListQuerySchema, req.query, 'query');
    res.json(await yearService.listEntries(query, credentials));
  });

  router.get('/entries/:id', async (req, res) => {
    const credentials = await reader(req);
    res.json(await yearService.getEntry(entryId(req), credentials));
  });

  router.get('/years/:fiscalYear', async (req, res) => {
    const credentials = await reader(req);
    const fiscalYear = parseRequest(fiscalYearParamSchema, req.params.fiscalYear, 'fiscal year');
    parseRequest(noQuerySchema, req.query, 'query');
    res.json(await yearService.getYear(fiscalYear, credentials));
  });

  router.post('/entries', async (req, res) => {
    const ctx = await writer(req);
    const fields = body(entryInputSchema, req);
    res.status(201).json(await entryService.create(fields, ctx));
  });

  router.put('/entries/:id', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const { version, ...fields } = body(entryUpdateSchema, req);
    res.json(await entryService.update(id, fields, version, ctx));
  });

  router.delete('/entries/:id', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const { version } = body(versionBodySchema, req);
    res.json(await entryService.remove(id, version, ctx));
  });

  router.post('/entries/:id/undelete', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const { version } = body(versionBodySchema, req);
    res.json(await entryService.undelete(id, version, ctx));
  });

  router.post('/entries/:id/confirm', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const { version } = body(versionBodySchema, req);
    res.json(await entryService.confirm(id, version, ctx));
  });

  router.get('/entries/:id/revisions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json({ items: await entryService.listRevisions(entryId(req), { credentials }) });
  });

  router.get('/entries/:id/revisions/:revision', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const revision = parseRequest(revisionSchema, req.params.revision, 'revision');
    res.json(await entryService.getRevision(entryId(req), revision, { credentials }));
  });

  router.post('/entries/:id/revisions/:revision/restore', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const revision = parseRequest(revisionSchema, req.params.revision, 'revision');
    const { version } = body(versionBodySchema, req);
    res.json(await entryService.restore(id, revision, version, ctx));
  });

  return router;
}
