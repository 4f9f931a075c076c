import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
  councilSessionLabels,
  monthsOfOccurrence,
  fiscalYearLabels,
  partOf,
  resolveOccurrences,
  type Entry,
  type PersonalContext,
  type EntryListQuery,
  type EntryPage,
  type Occurrence,
  type Timing,
  type YearOccurrence,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryFilter, EntryStore } from '../database/EntryStore';
import type { AnswerCache, CachedBody } from './AnswerCache';
import type { EntryAuthorizer, ReadScope } from './EntryAuthorizer';
import { contextKey } from './PersonalYear';

function permissionCriteria(scope: ReadScope) {
  return scope.kind === 'some' ? scope.criteria : undefined;
}

const CONCERNED_OFFSET = { previous: -1, current: 0, next: 1 } as const;

function summarize(
  entry: Entry,
  fiscalYear: number,
): Omit<YearOccurrence, keyof Occurrence> {
  return {
    entryId: entry.id,
    slug: entry.slug,
    cycle: entry.cycle,
    title: entry.title,
    summary: entry.summary,
    owner: entry.owner,
    concernsFiscalYear: entry.concernsFiscalYear,
    concernedFiscalYear:
      fiscalYear + CONCERNED_OFFSET[entry.concernsFiscalYear],
    ...(entry.councilSession ? { councilSession: entry.councilSession } : {}),
  };
}

/** What a reader may see, as a short cache key: everything, or the criteria's hash. */
function scopeKey(scope: ReadScope): string {
  if (scope.kind !== 'some') return scope.kind;
  return createHash('sha256')
    .update(JSON.stringify(scope.criteria))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Reading the year: lists, single entries and the whole-year view, whose answers are
 * kept in the {@link AnswerCache} under the content generation.
 */
export class YearService {
  private live?: {
    generation: number;
    entries: Entry[];
    timings: Map<string, Timing>;
  };

  constructor(
    private readonly store: EntryStore,
    private readonly authorizer: EntryAuthorizer,
    private readonly logger: LoggerService,
    private readonly answers: AnswerCache,
  ) {}

  /** The year view as JSON text, from the cache when the content has not changed. */
  async getYearJson(
    fiscalYear: number,
    credentials: BackstageCredentials,
  ): Promise<CachedBody> {
    const scope = await this.authorizer.readScope(credentials);
    return this.answers.cached(
      `year:${fiscalYear}:${scopeKey(scope)}`,
      async () => JSON.stringify(await this.yearFor(fiscalYear, scope)),
    );
  }

  /** The year view, read from the same cached answer as {@link getYearJson}. */
  async getYear(
    fiscalYear: number,
    credentials: BackstageCredentials,
  ): Promise<YearView> {
    const { body } = await this.getYearJson(fiscalYear, credentials);
    return JSON.parse(body.toString('utf8'));
  }

  /**
   * The caller's own year (あなたの一年) as JSON text: the steps of the year view that
   * are theirs by {@link partOf}, each with why. Cached under the person's context,
   * so a change of their Groups or roles is a new answer.
   */
  async getMyYearJson(
    fiscalYear: number,
    credentials: BackstageCredentials,
    me: PersonalContext,
    newHireCourse?: string,
  ): Promise<CachedBody> {
    const scope = await this.authorizer.readScope(credentials);
    return this.answers.cached(
      `year:${fiscalYear}:${scopeKey(scope)}:mine:${contextKey(me)}`,
      async () =>
        JSON.stringify({
          ...(await this.yearFor(fiscalYear, scope, me)),
          personal: {
            newHire: me.newHire,
            ...(me.newHire && newHireCourse ? { newHireCourse } : {}),
          },
        }),
    );
  }

  /**
   * A page of the entries the caller may read. Published entries are listed unless
   * `status` asks for drafts, which only their owners and editors see.
   */
  async listEntries(
    query: EntryListQuery,
    credentials: BackstageCredentials,
  ): Promise<EntryPage> {
    const scope = await this.authorizer.readScope(credentials);
    if (scope.kind === 'none') {
      return {
        items: [],
        totalCount: 0,
        offset: query.offset,
        limit: query.limit,
      };
    }
    const filter: EntryFilter = {
      cycles: query.cycle,
      owners: query.owner?.map(o => o.toLocaleLowerCase('en-US')),
      statuses: query.status ?? ['published'],
      query: query.q,
      permission: permissionCriteria(scope),
    };
    if (query.fiscalYear === undefined) {
      const page = await this.store.listEntries({
        filter,
        offset: query.offset,
        limit: query.limit,
      });
      return { ...page, offset: query.offset, limit: query.limit };
    }
    // Dates come from resolving each entry's timing, which SQL cannot do: the rows
    // are filtered here, before paging, so every page is a true slice of the result.
    const fiscalYear = query.fiscalYear;
    const { entries, resolve } = await this.matchingWithResolver(filter);
    const matching = entries.filter(entry =>
      resolve(entry, fiscalYear).some(
        o =>
          query.month === undefined ||
          monthsOfOccurrence(o).includes(query.month),
      ),
    );
    return {
      items: matching.slice(query.offset, query.offset + query.limit),
      totalCount: matching.length,
      offset: query.offset,
      limit: query.limit,
    };
  }

  /** Every entry the caller may read that matches, unpaged; for export. */
  async listAll(
    filters: {
      cycle?: EntryFilter['cycles'];
      owner?: string[];
      status?: EntryFilter['statuses'];
      q?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<Entry[]> {
    const scope = await this.authorizer.readScope(credentials);
    if (scope.kind === 'none') return [];
    return this.store.listAllEntries({
      cycles: filters.cycle,
      owners: filters.owner?.map(o => o.toLocaleLowerCase('en-US')),
      statuses: filters.status ?? ['published'],
      query: filters.q,
      permission: permissionCriteria(scope),
    });
  }

  /** One entry; a draft the caller may not read is answered as not found. */
  async getEntry(
    idOrSlug: string,
    credentials: BackstageCredentials,
  ): Promise<Entry> {
    const entry = await this.store.getEntry(idOrSlug);
    if (!entry || !(await this.authorizer.canRead(entry, credentials))) {
      throw new NotFoundError(`No entry '${idOrSlug}'`);
    }
    return entry;
  }

  /** Every published occurrence of a fiscal year that the reader's scope admits. */
  private async yearFor(
    fiscalYear: number,
    scope: ReadScope,
    me?: PersonalContext,
  ): Promise<YearView> {
    const { entries, resolve } =
      scope.kind === 'none'
        ? { entries: [], resolve: () => [] }
        : await this.matchingWithResolver({
            statuses: ['published'],
            permission: permissionCriteria(scope),
          });
    const occurrences: YearOccurrence[] = [];
    const asNeeded: YearView['asNeeded'] = [];
    for (const entry of entries) {
      const mine = me && partOf(entry, me);
      if (me && !mine) continue;
      const resolved = resolve(entry, fiscalYear);
      // Held as needed, whether or not it also has dates this year (the May
      // extraordinary session is on the timeline and also called as needed).
      const summary = {
        ...summarize(entry, fiscalYear),
        ...(mine ? { mine } : {}),
      };
      if (entry.timing.asNeeded) {
        asNeeded.push(summary);
      }
      for (const occurrence of resolved) {
        occurrences.push({
          ...occurrence,
          ...summary,
          ...(entry.cycle === 'council' && entry.councilSession
            ? {
                councilSessionLabels: councilSessionLabels(
                  occurrence.start,
                  entry.councilSession,
                ),
              }
            : {}),
        });
      }
    }
    occurrences.sort(
      (a, b) =>
        a.start.localeCompare(b.start) ||
        a.end.localeCompare(b.end) ||
        a.slug.localeCompare(b.slug),
    );
    return {
      fiscalYear,
      labels: fiscalYearLabels(fiscalYear),
      occurrences,
      asNeeded,
    };
  }

  /**
   * The entries the caller may read (any status their permission allows) with the
   * resolver; for courses, which show the steps each reader may open.
   */
  async readableWithResolver(credentials: BackstageCredentials) {
    const scope = await this.authorizer.readScope(credentials);
    if (scope.kind === 'none') {
      return { entries: [] as Entry[], resolve: () => [] as Occurrence[] };
    }
    return this.matchingWithResolver({ permission: permissionCriteria(scope) });
  }

  /**
   * The entries matching a filter (the caller's permission included, applied in SQL)
   * and a resolver whose relative dates may anchor on any live entry. Live entries are
   * read and parsed once; the filter only selects their ids.
   */
  async matchingWithResolver(filter: EntryFilter): Promise<{
    entries: Entry[];
    resolve: (entry: Entry, fiscalYear: number) => Occurrence[];
  }> {
    const [{ entries: all, timings }, ids] = await Promise.all([
      this.liveEntries(),
      this.store.listEntryIds(filter),
    ]);
    const lookup = (slug: string) => timings.get(slug);
    const resolve = (entry: Entry, fiscalYear: number): Occurrence[] => {
      try {
        return resolveOccurrences(entry.timing, fiscalYear, {
          slug: entry.slug,
          lookup,
        });
      } catch (error) {
        // Writes refuse unresolvable timings; an anchor deleted since then lands here.
        this.logger.warn(
          `Cannot resolve the timing of '${entry.slug}': ${error}`,
        );
        return [];
      }
    };
    return { entries: all.filter(entry => ids.has(entry.id)), resolve };
  }

  /**
   * Every live entry, parsed once per content generation: the generation is read
   * first, so what is kept is never older than the generation it is kept under.
   */
  private async liveEntries() {
    const generation = await this.store.generation();
    if (this.live?.generation !== generation) {
      const entries = await this.store.listAllEntries({});
      this.live = {
        generation,
        entries,
        timings: new Map(entries.map(e => [e.slug, e.timing])),
      };
    }
    return this.live;
  }
}
