import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  occurrenceLabel,
  resolveFiscalYear,
  type Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import type { ReminderClaimStore } from '../database/ReminderClaimStore';
import type { HandoverService } from './HandoverService';
import type { YearService } from './YearService';

const ZONE = 'Asia/Tokyo';
/** Confirmation reminders go out during the first month of the fiscal year. */
const CONFIRMATION_MONTH = 4;

/** What one run of the reminders sent, for logs and tests. */
export interface ReminderRunReport {
  /** Start reminders: group → slugs of its entries that start soon. */
  upcoming: Record<string, string[]>;
  /** Groups reminded to confirm their entries for the year. */
  confirm: string[];
  /** Vanished owners HR was told about. */
  orphaned: string[];
}

/**
 * Reminders through the notifications plugin: an owner group is told N days before its
 * entries start (per entry, default from config), each owner group is asked in April to
 * confirm its entries for the new fiscal year, and HR hears of entries whose owner
 * left the catalog. The scheduler runs this on one replica at a time; each reminder
 * is also claimed in the database before it is sent, so that nothing goes out twice
 * even when runs overlap.
 */
export class ReminderService {
  constructor(
    private readonly deps: {
      years: YearService;
      claims: ReminderClaimStore;
      handover: HandoverService;
      notifications: NotificationService;
      logger: LoggerService;
      daysBefore: number;
      editorGroups: string[];
    },
  ) {}

  async run(now: Date): Promise<ReminderRunReport> {
    const today = DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
    const fiscalYear = resolveFiscalYear(now);
    const { entries, resolve } = await this.deps.years.matchingWithResolver({
      statuses: ['published'],
    });
    const at = now.toISOString();
    const report: ReminderRunReport = {
      upcoming: {},
      confirm: [],
      orphaned: [],
    };

    // Entries starting soon, one notification per group listing all of them.
    const due = new Map<
      string,
      Array<{ entry: Entry; label: string; key: string }>
    >();
    for (const entry of entries) {
      const days = entry.reminderDaysBefore ?? this.deps.daysBefore;
      if (days <= 0) continue;
      for (const fy of [fiscalYear, fiscalYear + 1]) {
        for (const occurrence of resolve(entry, fy)) {
          const remindFrom = DateTime.fromISO(occurrence.start, { zone: ZONE })
            .minus({ days })
            .toISODate()!;
          if (today >= remindFrom && today < occurrence.start) {
            due.set(entry.owner, [
              ...(due.get(entry.owner) ?? []),
              {
                entry,
                label: occurrenceLabel(occurrence, 'ja'),
                key: `start:${entry.id}:${occurrence.start}`,
              },
            ]);
          }
        }
      }
    }
    for (const [group, starting] of due) {
      // One notification per group and day (its scope says so): the replica that
      // claims the group's day sends it, listing every start not reminded before.
      const day = `upcoming:${group}:${today}`;
      if (!(await this.deps.claims.claimReminder(day, group, at))) continue;
      const claimed = await this.claimAll(
        starting.map(s => s.key),
        group,
        at,
      );
      const fresh = starting.filter(s => claimed.has(s.key));
      if (fresh.length === 0) {
        // Nothing new: a later run today may still find an entry that became due.
        await this.deps.claims.releaseReminder(day);
        continue;
      }
      await this.send(group, [day, ...fresh.map(s => s.key)], {
        title:
          fresh.length === 1
            ? `まもなく「${
                fresh[0].entry.title.ja
              }」が始まります / Coming up: ${
                fresh[0].entry.title.en ?? fresh[0].entry.title.ja
              }`
            : `まもなく${fresh.length}件の手続が始まります / ${fresh.length} entries coming up`,
        description: fresh
          .map(s => `${s.entry.title.ja}（${s.label}）`)
          .join('\n'),
        link:
          fresh.length === 1
            ? `/city-hall-year/entries/${encodeURIComponent(
                fresh[0].entry.slug,
              )}`
            : '/city-hall-year',
        scope: `city-hall-year:upcoming:${group}:${today}`,
      });
      report.upcoming[group] = fresh.map(s => s.entry.slug);
    }

    // Early in the fiscal year: each owner group confirms its entries for the year.
    if (DateTime.fromJSDate(now, { zone: ZONE }).month === CONFIRMATION_MONTH) {
      const unconfirmed = new Map<string, number>();
      for (const entry of entries) {
        if (entry.confirmedFiscalYear !== fiscalYear) {
          unconfirmed.set(entry.owner, (unconfirmed.get(entry.owner) ?? 0) + 1);
        }
      }
      for (const [group, count] of unconfirmed) {
        const key = `confirm:${fiscalYear}:${group}`;
        if (!(await this.deps.claims.claimReminder(key, group, at))) continue;
        await this.send(group, [key], {
          title: `${fiscalYear}年度の掲載内容を確認してください / Please confirm your entries for FY${fiscalYear}`,
          description: `未確認の項目が${count}件あります。内容が今年度も正しいか確認し、「今年度分を確認」を押してください。 ${count} entries await confirmation.`,
          link: `/city-hall-year?owner=${encodeURIComponent(group)}`,
          scope: key,
        });
        report.confirm.push(group);
      }
    }

    // Entries whose owner vanished in a reorganisation: HR hears of each owner once.
    if (this.deps.editorGroups.length > 0) {
      const orphans = await this.deps.handover.orphans();
      for (const [owner, orphaned] of orphans) {
        const key = `orphan:${owner}`;
        const recipient = this.deps.editorGroups.join(',');
        if (!(await this.deps.claims.claimReminder(key, recipient, at)))
          continue;
        await this.send(this.deps.editorGroups, [key], {
          title: `担当課が見つからない項目があります / Entries without an owner: ${owner}`,
          description: `${owner} はカタログにありません。${orphaned.length}件の項目を引き継いでください。 ${orphaned.length} entries need a new owner.`,
          link: '/city-hall-year/handover',
          scope: key,
        });
        report.orphaned.push(owner);
      }
    }
    if (
      Object.keys(report.upcoming).length ||
      report.confirm.length ||
      report.orphaned.length
    ) {
      this.deps.logger.info(
        `Reminders sent: ${
          Object.keys(report.upcoming).length
        } groups of upcoming steps, ${report.confirm.length} confirmation, ${
          report.orphaned.length
        } hand-over`,
      );
    }
    return report;
  }

  private async claimAll(keys: string[], recipient: string, at: string) {
    const claimed = new Set<string>();
    for (const key of keys) {
      if (await this.deps.claims.claimReminder(key, recipient, at)) {
        claimed.add(key);
      }
    }
    return claimed;
  }

  /** Sends, giving the claims back on failure so that the next run tries again. */
  private async send(
    recipients: string | string[],
    keys: string[],
    payload: {
      title: string;
      description: string;
      link: string;
      scope: string;
    },
  ) {
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: { ...payload, topic: 'city-hall-year', severity: 'normal' },
      });
    } catch (error) {
      for (const key of keys) await this.deps.claims.releaseReminder(key);
      throw error;
    }
  }
}
