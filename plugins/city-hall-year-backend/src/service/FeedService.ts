import type {
  AuditorService,
  BackstageUserPrincipal,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  InputError,
  NotFoundError,
} from '@backstage/errors';
import {
  CYCLE_LABELS,
  FEED_TOKEN_LIMITS,
  occurrenceLabel,
  partOf,
  resolveFiscalYear,
  type CreatedFeedToken,
  type PersonalContext,
  type Entry,
  type FeedQuery,
  type FeedToken,
  type Occurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { CourseStore } from '../database/CourseStore';
import type { FeedTokenStore } from '../database/FeedTokenStore';
import type { AnswerCache, CachedBody } from './AnswerCache';
import { audited } from './audited';
import { shortName, type CatalogNames } from './CatalogNames';
import { contextKey, type PersonalYear } from './PersonalYear';
import type { YearService } from './YearService';

const ZONE = 'Asia/Tokyo';
const cycleName = (cycle: Entry['cycle']) =>
  `${CYCLE_LABELS[cycle].ja} ${CYCLE_LABELS[cycle].en}`;
const PRECISION_NOTES: Record<Occurrence['precision'], string> = {
  day: '',
  'month-part':
    '時期は旬（上旬・中旬・下旬）単位の目安です。The dates give the part of the month (early, middle, late), not exact days.',
  month: '時期は月単位の目安です。The dates give the month, not exact days.',
};

/**
 * A JST calendar day (plus `days`) for an all-day event. ical-generator writes the
 * date of an all-day event from the Date's local fields, so the day is built at local
 * noon: the same date whatever the server's time zone, and far from any DST edge.
 * (A luxon DateTime per event costs twenty times as much.)
 */
function calendarDay(iso: string, days = 0): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day + days, 12);
}

/** The SHA-256 of a feed token: the only form in which tokens are stored. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Calendar feeds (RFC 5545) of published entries. Calendar apps cannot send Backstage
 * tokens, so a feed URL carries a feed token of its user instead; the token grants
 * reading feeds and nothing else, and its user revokes it from the guide.
 */
export class FeedService {
  constructor(
    private readonly deps: {
      tokens: FeedTokenStore;
      courses: CourseStore;
      years: YearService;
      answers: AnswerCache;
      auditor: AuditorService;
      logger: LoggerService;
      /** The app's base URL, for links from events back to the entry pages. */
      appBaseUrl: string;
      /** The departments' names for the calendar's name and each event's 担当. */
      names?: Pick<CatalogNames, 'namesOf'>;
      /** Who the token's holder is, for the feed of their own year (`mine=true`). */
      personalYear?: Pick<PersonalYear, 'contextsOf'>;
      now?: () => Date;
    },
  ) {}

  async createToken(
    label: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<CreatedFeedToken> {
    const userRef = credentials.principal.userEntityRef;
    const id = randomUUID();
    return audited(
      this.deps.auditor,
      {
        eventId: 'feed-token-create',
        ctx: { credentials },
        severityLevel: 'low',
        meta: { tokenId: id },
      },
      async () => {
        const existing = await this.deps.tokens.listTokens(userRef);
        if (existing.length >= FEED_TOKEN_LIMITS.perUser) {
          throw new InputError(
            `You have ${existing.length} feed tokens; revoke one before creating another`,
          );
        }
        const token = `chy_${randomBytes(32).toString('base64url')}`;
        const created: FeedToken = {
          id,
          label,
          createdAt: this.now().toISOString(),
        };
        await this.deps.tokens.createToken({
          ...created,
          userRef,
          tokenHash: hashFeedToken(token),
        });
        return { ...created, token };
      },
    );
  }

  listTokens(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<FeedToken[]> {
    return this.deps.tokens.listTokens(credentials.principal.userEntityRef);
  }

  async revokeToken(
    id: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<void> {
    await audited(
      this.deps.auditor,
      {
        eventId: 'feed-token-revoke',
        ctx: { credentials },
        severityLevel: 'low',
        meta: { tokenId: id },
      },
      async () => {
        const revoked = await this.deps.tokens.revokeToken(
          credentials.principal.userEntityRef,
          id,
          this.now().toISOString(),
        );
        if (!revoked) {
          throw new NotFoundError(`You have no feed token '${id}'`);
        }
      },
    );
  }

  /** The iCalendar text of a feed, for the holder of a live feed token. */
  async calendar(query: FeedQuery): Promise<CachedBody> {
    if (!query.token) {
      throw new AuthenticationError(
        'A calendar feed needs the feed token in its URL (?token=…)',
      );
    }
    const user = await this.deps.tokens.useToken(
      hashFeedToken(query.token),
      this.now().toISOString(),
    );
    if (!user) {
      throw new AuthenticationError('The feed token is unknown or revoked');
    }
    const first = query.fy ?? resolveFiscalYear(this.now());
    // The holder's own year: who they are in each of the feed's two fiscal years,
    // from the catalog as it is now.
    const personal = query.mine
      ? await this.personalContexts(user, first)
      : undefined;
    const key = [
      'ics',
      first,
      query.owner?.toLocaleLowerCase('en-US') ?? '',
      query.cycle ?? '',
      query.course ?? '',
      query.entry ?? '',
      personal ? `mine-${personal.map(contextKey).join('-')}` : '',
    ].join(':');
    return this.deps.answers.cached(key, () =>
      this.build(query, first, personal),
    );
  }

  private async personalContexts(
    user: string,
    first: number,
  ): Promise<PersonalContext[]> {
    const { personalYear } = this.deps;
    if (!personalYear) {
      throw new InputError('This backend has no personal calendars (mine)');
    }
    return personalYear.contextsOf(user, [first, first + 1]);
  }

  /**
   * Writes the calendar; only published entries, whoever holds the token, and with
   * `personal` only the steps of the holder's own year in each fiscal year.
   */
  private async build(
    query: FeedQuery,
    first: number,
    personal?: PersonalContext[],
  ): Promise<string> {
    const { entries, resolve } = await this.deps.years.matchingWithResolver({
      statuses: ['published'],
      ...(query.cycle ? { cycles: [query.cycle] } : {}),
      ...(query.owner
        ? { owners: [query.owner.toLocaleLowerCase('en-US')] }
        : {}),
    });
    let selected = entries;
    let name = '市役所の一年 City Hall Year';
    if (query.entry) {
      selected = entries.filter(e => e.slug === query.entry);
      if (selected.length === 0) {
        throw new NotFoundError(`No published entry '${query.entry}'`);
      }
      name = `${selected[0].title.ja} — ${name}`;
    }
    if (query.course) {
      const course = await this.deps.courses.getCourse(query.course);
      if (!course) {
        throw new NotFoundError(`No course '${query.course}'`);
      }
      const inCourse = new Set(course.steps.map(s => s.entry));
      selected = selected.filter(e => inCourse.has(e.slug));
      name = `${course.title.ja} — ${name}`;
    }
    // Departments by their catalog names (会計課), never by their references.
    const names =
      (await this.deps.names?.namesOf([
        ...selected.map(e => e.owner),
        ...(query.owner ? [query.owner] : []),
      ])) ?? new Map<string, string>();
    const nameOf = (ref: string) => names.get(ref) ?? shortName(ref);
    if (query.cycle) name = `${cycleName(query.cycle)} — ${name}`;
    if (query.owner) name = `${nameOf(query.owner)} — ${name}`;
    if (personal) name = `あなたの一年 Your year — ${name}`;

    const calendar = ical({
      name,
      prodId: {
        company: 'City Hall Year',
        product: 'city-hall-year',
        language: 'JA',
      },
      method: ICalCalendarMethod.PUBLISH,
      timezone: {
        name: ZONE,
        generator: tz => {
          const block = tzlib_get_ical_block(tz);
          return Array.isArray(block) ? block[0] : block;
        },
      },
      ttl: 60 * 60 * 6,
    });
    for (const [i, fiscalYear] of [first, first + 1].entries()) {
      for (const entry of selected) {
        if (personal && !partOf(entry, personal[i])) continue;
        const updated = DateTime.fromISO(entry.updatedAt, { zone: ZONE });
        resolve(entry, fiscalYear).forEach((occurrence, index) => {
          this.addEvent(
            calendar,
            entry,
            nameOf(entry.owner),
            updated,
            occurrence,
            fiscalYear,
            index,
          );
        });
      }
    }
    return calendar.toString();
  }

  private addEvent(
    calendar: ReturnType<typeof ical>,
    entry: Entry,
    ownerName: string,
    updated: DateTime,
    occurrence: Occurrence,
    fiscalYear: number,
    index: number,
  ) {
    const link = `${
      this.deps.appBaseUrl
    }/city-hall-year/entries/${encodeURIComponent(
      entry.slug,
    )}?fy=${fiscalYear}`;
    const label = occurrenceLabel(occurrence, 'ja');
    const description = [
      entry.summary.ja,
      entry.summary.en,
      `時期: ${label}`,
      PRECISION_NOTES[occurrence.precision],
      entry.timing.note?.ja,
      `担当: ${ownerName}`,
      entry.faq.length
        ? `よくある質問 ${entry.faq.length}件 / FAQ: ${link}#faq`
        : undefined,
      link,
    ]
      .filter(Boolean)
      .join('\n\n');
    calendar.createEvent({
      // The entry's id (never its text) and the occurrence: an edit changes the event
      // in subscribed calendars instead of adding a second one.
      id: `${entry.id}-fy${fiscalYear}-${index + 1}@city-hall-year`,
      allDay: true,
      start: calendarDay(occurrence.start),
      // DTEND of an all-day event is the day after the last one.
      end: calendarDay(occurrence.end, 1),
      summary: entry.title.en
        ? `${entry.title.ja} / ${entry.title.en}`
        : entry.title.ja,
      description,
      url: link,
      categories: [{ name: cycleName(entry.cycle) }],
      stamp: updated,
      lastModified: updated,
      sequence: entry.version,
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
