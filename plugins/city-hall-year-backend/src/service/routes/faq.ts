import {
  faqInputSchema,
  faqUpdateSchema,
  versionBodySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import {
  callers,
  entryParam,
  idParam,
  noQuerySchema,
  parseBody,
  parseRequest,
} from './util';

/**
 * The FAQ of an entry (よくある質問): read by whoever may read the entry, changed by
 * whoever may change it. Adding an item names no version; changing or deleting one
 * names the entry's version (409 when someone changed the entry first).
 */
export function faqRoutes(router: Router, options: RouterOptions) {
  const { faq } = options;
  const { reader, user } = callers(options.httpAuth);
  const faqParam = (value: string) => idParam(value, 'FAQ item id');

  router.get('/entries/:id/faq', async (req, res) => {
    const credentials = await reader(req);
    parseRequest(noQuerySchema, req.query, 'query');
    res.json(await faq.list(entryParam(req), credentials));
  });

  router.post('/entries/:id/faq', async (req, res) => {
    const ctx = await user(req);
    const input = parseBody(faqInputSchema, req);
    res.status(201).json(await faq.add(entryParam(req), input, ctx));
  });

  router.put('/entries/:id/faq/:faqId', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const faqId = faqParam(req.params.faqId);
    const { version, ...input } = parseBody(faqUpdateSchema, req);
    res.json(await faq.update(id, faqId, input, version, ctx));
  });

  router.delete('/entries/:id/faq/:faqId', async (req, res) => {
    const ctx = await user(req);
    const id = entryParam(req);
    const faqId = faqParam(req.params.faqId);
    const { version } = parseBody(versionBodySchema, req);
    res.json(await faq.remove(id, faqId, version, ctx));
  });
}
