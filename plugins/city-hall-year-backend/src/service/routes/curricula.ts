import {
  curriculumInputSchema,
  curriculumUpdateSchema,
  curriculumViewQuerySchema,
  slugSchema,
  versionBodySchema,
} from '@internal/plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import {
  callers,
  idOrSlugSchema,
  noQuerySchema,
  parseBody,
  parseRequest,
} from './util';

/** Training courses: read by everyone signed in, managed by HR editors. */
export function curriculumRoutes(router: Router, options: RouterOptions) {
  const { curricula } = options;
  const { reader, user } = callers(options.httpAuth);
  const slugParam = (value: string) =>
    parseRequest(slugSchema, value, 'curriculum slug');

  router.get('/curricula', async (req, res) => {
    await reader(req);
    parseRequest(noQuerySchema, req.query, 'query');
    res.json({ items: await curricula.list() });
  });

  router.get('/curricula/:slug', async (req, res) => {
    const credentials = await reader(req);
    const { fy } = parseRequest(curriculumViewQuerySchema, req.query, 'query');
    res.json(await curricula.view(slugParam(req.params.slug), fy, credentials));
  });

  router.post('/curricula', async (req, res) => {
    const ctx = await user(req);
    const fields = parseBody(curriculumInputSchema, req);
    res.status(201).json(await curricula.create(fields, ctx));
  });

  router.put('/curricula/:slug', async (req, res) => {
    const ctx = await user(req);
    const slug = slugParam(req.params.slug);
    const { version, ...fields } = parseBody(curriculumUpdateSchema, req);
    res.json(await curricula.update(slug, fields, version, ctx));
  });

  router.delete('/curricula/:slug', async (req, res) => {
    const ctx = await user(req);
    const slug = slugParam(req.params.slug);
    const { version } = parseBody(versionBodySchema, req);
    await curricula.remove(slug, version, ctx);
    res.status(204).end();
  });

  // "Used in": the courses whose steps link an entry.
  router.get('/entries/:id/curricula', async (req, res) => {
    await reader(req);
    const slug = parseRequest(idOrSlugSchema, req.params.id, 'entry');
    res.json({ items: await curricula.backlinks(slug) });
  });
}
