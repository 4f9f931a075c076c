import type { YearView } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeDateOnly } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import {
  callAs,
  createTestDatabases,
  entryBody,
  FINANCE,
  RecordingNotifications,
  startCityHallYearBackend,
} from '../__testUtils__';

const TASK = 'city-hall-year-reminders';

function byKind(notifications: RecordingNotifications, kind: string) {
  const counts: Record<string, number> = {};
  for (const { recipients, payload } of notifications.sent) {
    if (recipients.type !== 'entity' || !payload.scope?.includes(kind))
      continue;
    for (const ref of [recipients.entityRef].flat()) {
      counts[ref] = (counts[ref] ?? 0) + 1;
    }
  }
  return counts;
}

describe('reminders', () => {
  const databases = createTestDatabases();

  afterEach(() => {
    jest.useRealTimers();
  });

  describe.each(databases.eachSupportedId())(
    'with two backends on one %p database',
    databaseId => {
      let first: Awaited<ReturnType<typeof startCityHallYearBackend>>;
      let second: Awaited<ReturnType<typeof startCityHallYearBackend>>;
      const notifications = new RecordingNotifications();

      beforeAll(async () => {
        first = await startCityHallYearBackend(databases, databaseId, {
          seed: true,
          notifications,
        });
        second = await startCityHallYearBackend(databases, databaseId, {
          knex: first.knex,
          notifications,
        });
      });

      beforeEach(() => {
        notifications.sent.length = 0;
      });

      const runBoth = () =>
        Promise.all([first.scheduled.run(TASK), second.scheduled.run(TASK)]);

      it('is scheduled to run once across replicas', () => {
        expect(first.scheduled.tasks.get(TASK)?.scope).toBe('global');
      });

      it('reminds each owner group once of its steps starting within its reminder window', async () => {
        // Per-entry windows: 3 days before 22 September, and never.
        await callAs(first, 'finance')
          .post('/entries')
          .send(
            entryBody(FINANCE, {
              slug: 'reminder-in-three-days',
              timing: { rules: [{ kind: 'date', on: { month: 9, day: 22 } }] },
              reminderDaysBefore: 3,
            }),
          )
          .expect(201);
        await callAs(first, 'council')
          .post('/entries')
          .send(
            entryBody('group:default/giji-ka', {
              slug: 'reminder-never',
              timing: { rules: [{ kind: 'date', on: { month: 9, day: 25 } }] },
              reminderDaysBefore: 0,
            }),
          )
          .expect(201);

        fakeDateOnly('2026-09-20T09:00:00+09:00');
        // The groups whose published entries start in the next 14 days (default window),
        // from the year as any reader sees it.
        const year: YearView = (
          await callAs(first, 'newHire').get('/years/2026')
        ).body;
        const expected = new Set(
          year.occurrences
            .filter(
              o =>
                o.start > '2026-09-20' &&
                o.start <= '2026-10-04' &&
                o.slug !== 'reminder-never',
            )
            .map(o => o.owner),
        );
        expect(expected.has(FINANCE)).toBe(true);
        expect(expected.size).toBeGreaterThan(1);

        await runBoth();
        const counts = byKind(notifications, ':upcoming:');
        expect(Object.keys(counts).sort()).toEqual([...expected].sort());
        expect(Object.values(counts).every(n => n === 1)).toBe(true);
        const finance = notifications.sent.find(
          n =>
            n.recipients.type === 'entity' &&
            n.recipients.entityRef.includes(FINANCE),
        )!;
        expect(finance.payload.description).toContain('予算要求');
        expect(
          notifications.sent.some(n =>
            n.payload.description?.includes('reminder-never'),
          ),
        ).toBe(false);

        // Later runs on the same day, on either replica, send nothing again.
        notifications.sent.length = 0;
        await runBoth();
        await first.scheduled.run(TASK);
        expect(byKind(notifications, ':upcoming:')).toEqual({});
      });

      it('does not remind outside the window', async () => {
        fakeDateOnly('2026-09-10T09:00:00+09:00');
        await runBoth();
        const counts = byKind(notifications, ':upcoming:');
        expect(counts[FINANCE]).toBeUndefined();
      });

      it('asks each owner group once in April to confirm its entries for the new year', async () => {
        fakeDateOnly('2027-04-02T08:00:00+09:00');
        const owners = new Set(
          (await first
            .knex('city_hall_year_entries')
            .whereNull('deleted_at')
            .where({ status: 'published' })
            .pluck('owner')) as string[],
        );
        await runBoth();
        await runBoth();
        const counts = byKind(notifications, 'confirm:2027:');
        expect(Object.keys(counts).sort()).toEqual([...owners].sort());
        expect(Object.values(counts).every(n => n === 1)).toBe(true);
        expect(
          notifications.sent.find(n => n.payload.scope?.startsWith('confirm:'))!
            .payload.link,
        ).toMatch(/^\/city-hall-year\?owner=/);
      });

      it('gives a claim back when sending fails, so the next run retries', async () => {
        await callAs(first, 'finance')
          .post('/entries')
          .send(
            entryBody(FINANCE, {
              slug: 'reminder-after-failure',
              timing: { rules: [{ kind: 'date', on: { month: 12, day: 10 } }] },
              reminderDaysBefore: 30,
            }),
          )
          .expect(201);
        fakeDateOnly('2026-11-25T09:00:00+09:00');
        const failing = jest
          .spyOn(notifications, 'send')
          .mockRejectedValueOnce(new Error('notifications backend down'));
        await expect(first.scheduled.run(TASK)).rejects.toThrow('down');
        failing.mockRestore();
        await first.scheduled.run(TASK);
        expect(byKind(notifications, ':upcoming:')[FINANCE]).toBe(1);
        expect(
          notifications.sent.some(n =>
            n.payload.description?.includes('予算要求'),
          ),
        ).toBe(true);
      });
    },
  );
});
