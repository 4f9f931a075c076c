import { feedQuerySchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Router } from 'express';
import type { RouterOptions } from '../types';
import { sendCached } from './sendCached';
import { parseRequest } from './util';

/**
 * iCalendar feeds. Open to requests without a Backstage token (see the plugin's auth
 * policy): calendar apps cannot send one, so the feed token in the query is checked
 * instead, and grants reading feeds only.
 */
export function feedRoutes(router: Router, options: RouterOptions) {
  const { feeds } = options;

  router.get('/feeds/calendar.ics', async (req, res) => {
    const query = parseRequest(feedQuerySchema, req.query, 'query');
    sendCached(
      req,
      res,
      'text/calendar; charset=utf-8',
      await feeds.calendar(query),
    );
  });
}
