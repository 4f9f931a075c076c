import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  curriculumInputSchema,
  curriculumUpdateSchema,
  curriculumViewQuerySchema,
  feedQuerySchema,
  feedTokenInputSchema,
  fiscalYearParamSchema,
  handoverInputSchema,
  lastSeenInputSchema,
  slugSchema,
  versionBodySchema,
} from '@internal/plugin-city-hall-year-common';
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { ChangeService } from './ChangeService';
import type { CurriculumService } from './CurriculumService';
import type { CallContext } from './EntryService';
import type { FeedService } from './FeedService';
import type { HandoverService } from './HandoverService';
import { parseRequest } from './parse';
import { sendCached } from './sendCached';

const noQuerySchema = z.object({}).strict();
const tokenIdSchema = z.string().uuid();

/**
 * Routes HR and the calendar use: curricula, calendar feeds and their tokens, the
 * hand-over of orphaned entries, the confirmation overview, and "changed since".
 */
export function addIntegrationRoutes(
  router: Router,
  options: {
    httpAuth: HttpAuthService;
    curricula: CurriculumService;
    feeds: FeedService;
    handover: HandoverService;
    changes: ChangeService;
  },
) {
  const { httpAuth, curricula, feeds, handover, changes } = options;
  const user = async (req: Request): Promise<CallContext> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });
  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const body = <T extends z.ZodTypeAny>(schema: T, req: Request) =>
    parseRequest(schema, req.body ?? {}, 'body');
  const curriculumSlug = (req: Request) =>
    parseRequest(slugSchema, req.params.slug, 'curriculum slug');

  router.get('/curricula', async (req, res) => {
    await reader(req);
    parseRequest(noQuerySchema, req.query, 'query');
    res.json({ items: await curricula.list() });
  });

  router.get('/curricula/:slug', async (req, res) => {
    const credentials = await reader(req);
    const { fy } = parseRequest(curriculumViewQuerySchema, req.query, 'query');
    res.json(await curricula.view(curriculumSlug(req), fy, credentials));
  });

  router.post('/curricula', async (req, res) => {
    const ctx = await user(req);
    const fields = body(curriculumInputSchema, req);
    res.status(201).json(await curricula.create(fields, ctx));
  });

  router.put('/curricula/:slug', async (req, res) => {
    const ctx = await user(req);
    const slug = curriculumSlug(req);
    const { version, ...fields } = body(curriculumUpdateSchema, req);
    res.json(await curricula.update(slug, fields, version, ctx));
  });

  router.delete('/curricula/:slug', async (req, res) => {
    const ctx = await user(req);
    const slug = curriculumSlug(req);
    const { version } = body(versionBodySchema, req);
    await curricula.remove(slug, version, ctx);
    res.status(204).end();
  });

  router.get('/entries/:id/curricula', async (req, res) => {
    await reader(req);
    const slug = parseRequest(
      z.string().min(1).max(80),
      req.params.id,
      'entry',
    );
    res.json({ items: await curricula.backlinks(slug) });
  });

  router.get('/feed-tokens', async (req, res) => {
    const { credentials } = await user(req);
    res.json({ items: await feeds.listTokens(credentials) });
  });

  router.post('/feed-tokens', async (req, res) => {
    const { credentials } = await user(req);
    const { label } = body(feedTokenInputSchema, req);
    res.status(201).json(await feeds.createToken(label, credentials));
  });

  router.delete('/feed-tokens/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseRequest(tokenIdSchema, req.params.id, 'feed token id');
    await feeds.revokeToken(id, credentials);
    res.status(204).end();
  });

  // Open to requests without a Backstage token (see the plugin's auth policy): the
  // feed token in the query is checked instead, and grants reading feeds only.
  router.get('/feeds/calendar.ics', async (req, res) => {
    const query = parseRequest(feedQuerySchema, req.query, 'query');
    sendCached(
      req,
      res,
      'text/calendar; charset=utf-8',
      await feeds.calendar(query),
    );
  });

  router.get('/handover', async (req, res) => {
    const ctx = await user(req);
    res.json(await handover.report(ctx));
  });

  router.post('/handover', async (req, res) => {
    const ctx = await user(req);
    const { moves } = body(handoverInputSchema, req);
    res.json({ items: await handover.reassign(moves, ctx) });
  });

  router.get('/confirmations/:fiscalYear', async (req, res) => {
    const ctx = await user(req);
    const fiscalYear = parseRequest(
      fiscalYearParamSchema,
      req.params.fiscalYear,
      'fiscal year',
    );
    res.json(await handover.confirmations(fiscalYear, ctx));
  });

  router.get('/changes', async (req, res) => {
    const { credentials } = await user(req);
    res.json(await changes.changesSince(credentials));
  });

  router.post('/last-seen', async (req, res) => {
    const { credentials } = await user(req);
    const { at } = body(lastSeenInputSchema, req);
    res.json(await changes.markSeen(at, credentials));
  });
}
