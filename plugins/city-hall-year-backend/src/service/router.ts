import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  entryInputSchema,
  entryListQuerySchema,
  exportQuerySchema,
  importQuerySchema,
  entryUpdateSchema,
  fiscalYearParamSchema,
  versionBodySchema,
  type HealthReport,
} from '@internal/plugin-city-hall-year-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import type { CallContext, EntryService } from './EntryService';
import { parseRequest } from './parse';
import type { TransferService } from './TransferService';
import type { YearService } from './YearService';
import { sendCached } from './sendCached';
import { addIntegrationRoutes } from './integrationRoutes';

const FILE_TYPES = {
  yaml: 'application/yaml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

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
  transferService: TransferService;
  integrations: Omit<Parameters<typeof addIntegrationRoutes>[1], 'httpAuth'>;
}): Promise<express.Router> {
  const { httpAuth, yearService, entryService, transferService } = options;
  const router = Router();
  // Imports carry a whole file; every other body is one entry at most.
  router.post('/import', express.text({ type: () => true, limit: '20mb' }));
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

  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const writer = async (req: Request): Promise<CallContext> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });
  const entryId = (req: Request) =>
    parseRequest(idOrSlugSchema, req.params.id, 'entry id');
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
    res.json({
      items: await entryService.listRevisions(entryId(req), { credentials }),
    });
  });

  router.get('/entries/:id/revisions/:revision', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const revision = parseRequest(
      revisionSchema,
      req.params.revision,
      'revision',
    );
    res.json(
      await entryService.getRevision(entryId(req), revision, { credentials }),
    );
  });

  router.post('/entries/:id/revisions/:revision/restore', async (req, res) => {
    const ctx = await writer(req);
    const id = entryId(req);
    const revision = parseRequest(
      revisionSchema,
      req.params.revision,
      'revision',
    );
    const { version } = body(versionBodySchema, req);
    res.json(await entryService.restore(id, revision, version, ctx));
  });

  router.get('/export', async (req, res) => {
    const credentials = await reader(req);
    const { format, ...filters } = parseRequest(
      exportQuerySchema,
      req.query,
      'query',
    );
    const entries = await yearService.listAll(filters, credentials);
    res
      .type(FILE_TYPES[format])
      .attachment(`city-hall-year-entries.${format}`)
      .send(transferService.serialize(entries, format));
  });

  router.post('/import', async (req, res) => {
    const ctx = await writer(req);
    const { format, dryRun } = parseRequest(
      importQuerySchema,
      req.query,
      'query',
    );
    if (typeof req.body !== 'string' || !req.body.trim()) {
      throw new InputError(
        'Send the file itself as the request body (YAML or CSV text)',
      );
    }
    if (req.body.includes('\u0000')) {
      throw new InputError('The file must not contain the NUL character');
    }
    const report = await transferService.importEntries(
      { format, content: req.body, dryRun },
      ctx,
    );
    if (!dryRun && !report.applied) {
      // The report is the answer: which rows and columns to fix. Nothing was written.
      res.status(400).json({
        error: {
          name: 'InputError',
          message: `${report.summary.error} of ${report.rows.length} rows have errors; nothing was imported`,
        },
        report,
      });
      return;
    }
    res.json(report);
  });

  addIntegrationRoutes(router, { httpAuth, ...options.integrations });

  return router;
}
