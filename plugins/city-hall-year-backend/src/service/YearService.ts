import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { NotFoundError } from '@backstage/errors';
import {
  councilSessionLabels,
  monthsOfOccurrence,
  fiscalYearLabels,
  resolveOccurrences,
  type Entry,
  type EntryListQuery,
  type EntryPage,
  type Occurrence,
  type Timing,
  type YearOccurrence,
  type YearView,
} from '@internal/plugin-city-hall-year-common';
import type { EntryFilter, EntryStore } from '../database/EntryStore';
import type { EntryAuthorizer, ReadScope } from './EntryAuthorizer';

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

/** How long a computed answer stays in the cache; a write makes it unreachable at once. */
const CACHE_TTL_MS = 10 * 60 * 1000;

/** How many bytes of ready answers one process keeps. */
const LOCAL_CACHE_BYTES = 64 * 1024 * 1024;

/** An answer ready to send: UTF-8 bytes, their entity tag, and gzip of them once asked. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  /** The body compressed once for every client that accepts gzip (browsers do). */
  gzipped(): Buffer;
}

/** Ready answers, least recently used first out, within a byte budget. */
class LocalBodies {
  private readonly bodies = new Map<
    string,
    { cached: CachedBody; size: () => number }
  >();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(key: string): CachedBody | undefined {
    const found = this.bodies.get(key);
    if (found) {
      this.bodies.delete(key);
      this.bodies.set(key, found);
    }
    return found?.cached;
  }

  set(key: string, text: string): CachedBody {
    const body = Buffer.from(text, 'utf8');
    let gzip: Buffer | undefined;
    const cached: CachedBody = {
      body,
      etag: `"${createHash('sha256')
        .update(body)
        .digest('base64url')
        .slice(0, 27)}"`,
      gzipped: () => {
        if (!gzip) {
          gzip = gzipSync(body);
          this.bytes += gzip.length;
        }
        return gzip;
      },
    };
    this.bodies.set(key, {
      cached,
      size: () => body.length + (gzip?.length ?? 0),
    });
    this.bytes += body.length;
    for (const [oldest, value] of this.bodies) {
      if (this.bytes <= this.budget || oldest === key) break;
      this.bodies.delete(oldest);
      this.bytes -= value.size();
    }
    return cached;
  }
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
 * Reading the year: lists, single entries and the whole-year view.
 *
 * Answers that take work (the year view, calendar feeds) are cached under the content
 * generation, which every write raises in its own transaction: after a write, on any
 * replica, the next read finds no answer for the new generation and computes a fresh
 * one. Nothing stale is ever served; old answers simply age out of the cache.
 */
export class YearService {
  private live?: {
    generation: number;
    entries: Entry[];
    timings: Map<string, Timing>;
  };
  private readonly local = new LocalBodies(LOCAL_CACHE_BYTES);
  private readonly pending = new Map<string, Promise<CachedBody>>();

  constructor(
    private readonly store: EntryStore,
    private readonly authorizer: EntryAuthorizer,
    private readonly logger: LoggerService,
    private readonly cache?: CacheService,
  ) {}

  /**
   * A value computed from the content, cached for this content generation. `key` must
   * name everything else the value depends on (the reader's scope, the query).
   *
   * Two levels: the bytes ready to send, in this process (no copying, no parsing), and
   * the text in the cache service, which replicas can share.
   */
  async cached(
    key: string,
    compute: () => Promise<string>,
  ): Promise<CachedBody> {
    const generation = await this.store.generation();
    const fullKey = `${key}:g${generation}`;
    const local = this.local.get(fullKey);
    if (local) return local;
    // Readers arriving while the answer is being made wait for that one answer.
    let pending = this.pending.get(fullKey);
    if (!pending) {
      pending = (async () => {
        let text = await this.cache?.get<string>(fullKey);
        if (typeof text !== 'string') {
          text = await compute();
          await this.cache?.set(fullKey, text, { ttl: CACHE_TTL_MS });
        }
        return this.local.set(fullKey, text);
      })().finally(() => this.pending.delete(fullKey));
      this.pending.set(fullKey, pending);
    }
    return pending;
  }

  /** The year view as JSON text, from the cache when the content has not changed. */
  async getYearJson(
    fiscalYear: number,
    credentials: BackstageCredentials,
  ): Promise<CachedBody> {
    const scope = await this.authorizer.readScope(credentials);
    return this.cached(`year:${fiscalYear}:${scopeKey(scope)}`, async () =>
      JSON.stringify(await this.yearFor(fiscalYear, scope)),
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
      const resolved = resolve(entry, fiscalYear);
      if (resolved.length === 0 && entry.timing.asNeeded) {
        asNeeded.push(summarize(entry, fiscalYear));
      }
      for (const occurrence of resolved) {
        occurrences.push({
          ...occurrence,
          ...summarize(entry, fiscalYear),
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
   * resolver; for curricula, which show the steps each reader may open.
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
