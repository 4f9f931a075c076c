import {
  entryInputSchema,
  entryListQuerySchema,
  entryUpdateSchema,
  versionBodySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, entryParam, parseBody, parseRequest } from './util';

/** Entries: list, read, create, replace, delete and undelete, confirm for the year. */
export function entryRoutes(router: Router, options: RouterOptions) {
  const { yearService, entryService } = options;
  const { reader, user } = callers(options.httpAuth);

  router.get('/entries', async (req, res) => {
    const credentials = await reader(req);
    const query = parseRequest(entryListQuerySchema, req.query, 'query');
    res.json(await yearService.listEntries(query, credentials));
  });

  router.get('/entries/:id', async (req, res) => {
    const credentials = await reader(req);
    res.json(await yearService.getEntry(entryParam(req), credentials));
  });

  router.post('/entries', async (req, res) => {
    const ctx = await user(req);
    const fields = parseBody(entryInputSchema, req);
    res.status(201).json(await entryService.create(fields, ctx));
  });

  router.put('/entries/:id', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const { version, ...fields } = parseBody(entryUpdateSchema, req);
    res.json(await entryService.update(id, fields, version, ctx));
  });

  router.delete('/entries/:id', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await entryService.remove(id, version, ctx));
  });

  router.post('/entries/:id/undelete', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await entryService.undelete(id, version, ctx));
  });

  router.post('/entries/:id/confirm', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await entryService.confirm(id, version, ctx));
  });
}
