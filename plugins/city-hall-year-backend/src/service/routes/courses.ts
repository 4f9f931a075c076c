import {
  courseInputSchema,
  courseProgressInputSchema,
  courseStepParamSchema,
  progressSummaryQuerySchema,
  courseUpdateSchema,
  courseViewQuerySchema,
  slugSchema,
  versionBodySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import {
  callers,
  idOrSlugSchema,
  noQuerySchema,
  parseBody,
  parseRequest,
} from './util';

/**
 * Training courses: read by everyone signed in, managed by HR editors; each learner's
 * progress, seen by the learner and HR editors.
 */
export function courseRoutes(router: Router, options: RouterOptions) {
  const { courses, progress } = options;
  const { reader, user } = callers(options.httpAuth);
  const slugParam = (value: string) =>
    parseRequest(slugSchema, value, 'course slug');
  // `/curricula` is the routes' first name; it stays as an alias for callers
  // written against it.
  const base = ['/courses', '/curricula'];
  const one = base.map(path => `${path}/:slug`);

  router.get(base, async (req, res) => {
    await reader(req);
    parseRequest(noQuerySchema, req.query, 'query');
    res.json({ items: await courses.list() });
  });

  router.get(one, async (req, res) => {
    const credentials = await reader(req);
    const { fy } = parseRequest(courseViewQuerySchema, req.query, 'query');
    res.json(await courses.view(slugParam(req.params.slug), fy, credentials));
  });

  router.post(base, async (req, res) => {
    const ctx = await user(req);
    const fields = parseBody(courseInputSchema, req);
    res.status(201).json(await courses.create(fields, ctx));
  });

  router.put(one, async (req, res) => {
    const ctx = await user(req);
    const slug = slugParam(req.params.slug);
    const { version, ...fields } = parseBody(courseUpdateSchema, req);
    res.json(await courses.update(slug, fields, version, ctx));
  });

  router.delete(one, async (req, res) => {
    const ctx = await user(req);
    const slug = slugParam(req.params.slug);
    const { version } = parseBody(versionBodySchema, req);
    await courses.remove(slug, version, ctx);
    res.status(204).end();
  });

  // Course progress (受講状況): the caller's own, and HR's summary of a cohort.
  router.get('/course-progress', async (req, res) => {
    const ctx = await user(req);
    parseRequest(noQuerySchema, req.query, 'query');
    res.json(await progress.myCourses(ctx));
  });

  router.get(
    one.map(path => `${path}/progress`),
    async (req, res) => {
      const ctx = await user(req);
      parseRequest(noQuerySchema, req.query, 'query');
      res.json(await progress.mine(slugParam(req.params.slug), ctx));
    },
  );

  router.put(
    one.map(path => `${path}/progress/:step`),
    async (req, res) => {
      const ctx = await user(req);
      const slug = slugParam(req.params.slug);
      const step = parseRequest(courseStepParamSchema, req.params.step, 'step');
      const { done } = parseBody(courseProgressInputSchema, req);
      res.json(await progress.mark(slug, step, done, ctx));
    },
  );

  router.get(
    one.map(path => `${path}/progress/summary`),
    async (req, res) => {
      const ctx = await user(req);
      const slug = slugParam(req.params.slug);
      const { fiscalYear } = parseRequest(
        progressSummaryQuerySchema,
        req.query,
        'query',
      );
      res.json(await progress.summary(slug, fiscalYear, ctx));
    },
  );

  // "Used in": the courses whose steps link an entry.
  router.get(
    ['/entries/:id/courses', '/entries/:id/curricula'],
    async (req, res) => {
      await reader(req);
      const slug = parseRequest(idOrSlugSchema, req.params.id, 'entry');
      res.json({ items: await courses.backlinks(slug) });
    },
  );
}
