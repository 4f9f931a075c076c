import { handoverInputSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, parseBody } from './util';

/** HR: entries whose owner Group left the catalog, and handing them over in bulk. */
export function handoverRoutes(router: Router, options: RouterOptions) {
  const { handover } = options;
  const { user } = callers(options.httpAuth);

  router.get('/handover', async (req, res) => {
    const ctx = await user(req);
    res.json(await handover.report(ctx));
  });

  router.post('/handover', async (req, res) => {
    const ctx = await user(req);
    const { moves } = parseBody(handoverInputSchema, req);
    res.json({ items: await handover.reassign(moves, ctx) });
  });
}
