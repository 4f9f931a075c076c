import { lastSeenInputSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, parseBody } from './util';

/** What others changed since the caller last marked the year as seen. */
export function changeRoutes(router: Router, options: RouterOptions) {
  const { changes } = options;
  const { user } = callers(options.httpAuth);

  router.get('/changes', async (req, res) => {
    const { credentials } = await user(req);
    res.json(await changes.changesSince(credentials));
  });

  router.post('/last-seen', async (req, res) => {
    const { credentials } = await user(req);
    const { at } = parseBody(lastSeenInputSchema, req);
    res.json(await changes.markSeen(at, credentials));
  });
}
