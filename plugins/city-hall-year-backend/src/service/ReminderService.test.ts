import { storedFields } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import {
  resolveOccurrences,
  type Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ReminderClaimStore } from '../database/ReminderClaimStore';
import type { HandoverService } from './HandoverService';
import { ReminderService } from './ReminderService';
import type { YearService } from './YearService';

const FINANCE = 'group:default/zaisei-ka';

function entry(slug: string, day: number): Entry {
  return {
    ...storedFields({
      slug,
      cycle: 'budget',
      title: { ja: `手続${day}` },
      summary: { ja: '概要' },
      purpose: { ja: '目的' },
      whatHappens: { ja: '内容' },
      forNewStaff: { ja: '新任者へ' },
      owner: FINANCE,
      status: 'published',
      timing: { rules: [{ kind: 'date', on: { month: 9, day } }] },
    }),
    id: slug,
    version: 1,
    createdBy: 'user:default/yamada.taro',
    createdAt: '2026-04-01T00:00:00.000Z',
    updatedBy: 'user:default/yamada.taro',
    updatedAt: '2026-04-01T00:00:00.000Z',
  };
}

/** Claims in memory that let other runs go ahead between any two claims. */
class InterleavingClaims implements ReminderClaimStore {
  readonly keys = new Set<string>();
  async claimReminder(key: string): Promise<boolean> {
    await new Promise(resolve => setImmediate(resolve));
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
  async releaseReminder(key: string): Promise<void> {
    this.keys.delete(key);
  }
}

function replica(claims: ReminderClaimStore, sent: unknown[]) {
  const entries = [
    entry('step-a', 22),
    entry('step-b', 23),
    entry('step-c', 24),
  ];
  return new ReminderService({
    years: {
      matchingWithResolver: async () => ({
        entries,
        resolve: (e: Entry, fy: number) => resolveOccurrences(e.timing, fy),
      }),
    } as unknown as YearService,
    claims,
    handover: { orphans: async () => new Map() } as unknown as HandoverService,
    notifications: { send: async (n: unknown) => void sent.push(n) },
    logger: mockServices.logger.mock(),
    daysBefore: 14,
    editorGroups: [],
  });
}

describe('ReminderService', () => {
  const now = new Date('2026-09-20T00:00:00Z'); // 09:00 in Japan

  it('sends a group one notification a day even when two replicas run at once', async () => {
    const claims = new InterleavingClaims();
    const sent: any[] = [];
    const [a, b] = await Promise.all([
      replica(claims, sent).run(now),
      replica(claims, sent).run(now),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload.description.split('\n')).toHaveLength(3);
    expect(sent[0].payload.scope).toBe(
      `city-hall-year:upcoming:${FINANCE}:2026-09-20`,
    );
    // One of the two sent it, listing all three steps; the other sent nothing.
    expect([a.upcoming[FINANCE], b.upcoming[FINANCE]].filter(Boolean)).toEqual([
      ['step-a', 'step-b', 'step-c'],
    ]);
  });

  it('sends nothing again on a later run the same day, and the next day only what is new', async () => {
    const claims = new InterleavingClaims();
    const sent: any[] = [];
    await replica(claims, sent).run(now);
    await replica(claims, sent).run(new Date('2026-09-20T05:00:00Z'));
    expect(sent).toHaveLength(1);
    await replica(claims, sent).run(new Date('2026-09-21T00:00:00Z'));
    expect(sent).toHaveLength(1);
  });

  it('gives every claim back when sending fails, so that the next run sends', async () => {
    const claims = new InterleavingClaims();
    const failing = replica(claims, []);
    (failing as any).deps.notifications = {
      send: async () => {
        throw new Error('notifications backend down');
      },
    };
    await expect(failing.run(now)).rejects.toThrow(
      'notifications backend down',
    );
    expect(claims.keys.size).toBe(0);
    const sent: any[] = [];
    await replica(claims, sent).run(now);
    expect(sent).toHaveLength(1);
  });
});
