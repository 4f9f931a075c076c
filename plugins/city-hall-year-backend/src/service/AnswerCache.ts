import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** How long a computed answer stays in the cache; a write makes it unreachable at once. */
const CACHE_TTL_MS = 10 * 60 * 1000;

/** How many bytes of ready answers one process keeps. */
const LOCAL_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * How long a read or a write of the shared cache may take before it is given up and the
 * answer made or sent without it: a cache server that stops answering queues commands
 * until it comes back.
 */
const SHARED_TIMEOUT_MS = 250;

/** How long the shared cache is left alone after it failed, before it is tried again. */
const SHARED_COOL_OFF_MS = 10_000;

/**
 * Where an answer came from: this process's ready answers, the cache service the
 * replicas share, or made afresh from the database.
 */
export type AnswerSource = 'local' | 'shared' | 'computed';

/** An answer ready to send: UTF-8 bytes, their entity tag, and gzip of them once asked. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  /** The body compressed once for every client that accepts gzip (browsers do). */
  gzipped(): Buffer;
  /** Where this request's answer came from, and how long getting it took (ms). */
  source?: AnswerSource;
  ms?: number;
}

/** An answer ready to send, with the gzip of it made once, when first asked for. */
function readyBody(text: string, onGzip: () => void) {
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
        onGzip();
      }
      return gzip;
    },
  };
  return { cached, size: () => body.length + (gzip?.length ?? 0) };
}

/**
 * Answers that take work (the year view, calendar feeds), kept under the content
 * generation, which every write raises in its own transaction: after a write, on any
 * replica, the next read finds no answer for the new generation and makes a fresh one.
 * Nothing stale is ever served; old answers simply age out.
 *
 * Two levels: the bytes ready to send, in this process (no copying, no parsing), and
 * the text in Backstage's cache service, which replicas can share. Readers arriving
 * while an answer is being made wait for that one answer.
 *
 * The shared cache is a help, never a dependency: when it fails or does not answer
 * within {@link SHARED_TIMEOUT_MS}, the answer is made here, and the shared cache
 * is left alone for {@link SHARED_COOL_OFF_MS} before it is tried again.
 */
export class AnswerCache {
  /** Ready answers of this process, least recently used first out, within a byte budget. */
  private readonly local = new LRUCache<string, ReturnType<typeof readyBody>>({
    maxSize: LOCAL_CACHE_BYTES,
    sizeCalculation: ready => Math.max(1, ready.size()),
  });
  private readonly pending = new Map<
    string,
    Promise<{ cached: CachedBody; source: AnswerSource }>
  >();
  /** Until when the shared cache is not asked, after it failed (epoch ms). */
  private sharedDownUntil = 0;

  constructor(
    private readonly deps: {
      /** The current content generation, read from the database. */
      generation: () => Promise<number>;
      cache?: CacheService;
      logger?: LoggerService;
      /** The clock, for the cool-off; tests set it. */
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  private sharedFailed(operation: string, error: unknown) {
    const first = this.sharedDownUntil <= this.now();
    this.sharedDownUntil = this.now() + SHARED_COOL_OFF_MS;
    if (first)
      this.deps.logger?.warn(
        `The shared cache failed to ${operation} (${String(
          (error as Error)?.message ?? error,
        )}); answers are made here for the next ${SHARED_COOL_OFF_MS / 1000} s`,
      );
  }

  /** `operation` on the shared cache, given up after {@link SHARED_TIMEOUT_MS}. */
  private async shared<T>(
    what: string,
    operation: (cache: CacheService) => Promise<T>,
  ): Promise<T | undefined> {
    const cache = this.deps.cache;
    if (!cache || this.sharedDownUntil > this.now()) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        operation(cache),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${SHARED_TIMEOUT_MS} ms`)),
            SHARED_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.sharedFailed(what, error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The answer for `key` in the current content generation, made by `compute` when
   * there is none. `key` must name everything else the answer depends on (the
   * reader's scope, the query).
   */
  async cached(
    key: string,
    compute: () => Promise<string>,
  ): Promise<CachedBody> {
    const started = performance.now();
    const fullKey = `${key}:g${await this.deps.generation()}`;
    const local = this.local.get(fullKey);
    if (local)
      return {
        ...local.cached,
        source: 'local',
        ms: performance.now() - started,
      };
    let pending = this.pending.get(fullKey);
    if (!pending) {
      pending = (async () => {
        const found = await this.shared('read', cache =>
          cache.get<string>(fullKey),
        );
        let text = typeof found === 'string' ? found : undefined;
        const source: AnswerSource = text === undefined ? 'computed' : 'shared';
        if (text === undefined) {
          text = await compute();
          // Stored before the answer goes out, so that a reader who then asks another
          // replica finds it there.
          const made = text;
          await this.shared('store', cache =>
            cache.set(fullKey, made, { ttl: CACHE_TTL_MS }),
          );
        }
        const ready = readyBody(text, () => {
          // Stored again, so that the budget counts the compressed bytes too.
          if (this.local.peek(fullKey) === ready)
            this.local.set(fullKey, ready);
        });
        this.local.set(fullKey, ready);
        return { cached: ready.cached, source };
      })().finally(() => this.pending.delete(fullKey));
      this.pending.set(fullKey, pending);
    }
    const { cached, source } = await pending;
    return { ...cached, source, ms: performance.now() - started };
  }
}
