import { feedTokenInputSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, idParam, parseBody } from './util';

/** The signed-in user's own calendar feed tokens. */
export function feedTokenRoutes(router: Router, options: RouterOptions) {
  const { feeds } = options;
  const { user } = callers(options.httpAuth);

  router.get('/feed-tokens', async (req, res) => {
    const { credentials } = await user(req);
    res.json({ items: await feeds.listTokens(credentials) });
  });

  router.post('/feed-tokens', async (req, res) => {
    const { credentials } = await user(req);
    const { label } = parseBody(feedTokenInputSchema, req);
    res.status(201).json(await feeds.createToken(label, credentials));
  });

  router.delete('/feed-tokens/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = idParam(req.params.id, 'feed token id');
    await feeds.revokeToken(id, credentials);
    res.status(204).end();
  });
}
