import type { CacheService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

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
 */
export class AnswerCache {
  /** Ready answers of this process, least recently used first out, within a byte budget. */
  private readonly local = new LRUCache<string, ReturnType<typeof readyBody>>({
    maxSize: LOCAL_CACHE_BYTES,
    sizeCalculation: ready => Math.max(1, ready.size()),
  });
  private readonly pending = new Map<string, Promise<CachedBody>>();

  constructor(
    private readonly deps: {
      /** The current content generation, read from the database. */
      generation: () => Promise<number>;
      cache?: CacheService;
    },
  ) {}

  /**
   * The answer for `key` in the current content generation, made by `compute` when
   * there is none. `key` must name everything else the answer depends on (the
   * reader's scope, the query).
   */
  async cached(
    key: string,
    compute: () => Promise<string>,
  ): Promise<CachedBody> {
    const fullKey = `${key}:g${await this.deps.generation()}`;
    const local = this.local.get(fullKey);
    if (local) return local.cached;
    let pending = this.pending.get(fullKey);
    if (!pending) {
      pending = (async () => {
        let text = await this.deps.cache?.get<string>(fullKey);
        if (typeof text !== 'string') {
          text = await compute();
          await this.deps.cache?.set(fullKey, text, { ttl: CACHE_TTL_MS });
        }
        const ready = readyBody(text, () => {
          // Stored again, so that the budget counts the compressed bytes too.
          if (this.local.peek(fullKey) === ready)
            this.local.set(fullKey, ready);
        });
        this.local.set(fullKey, ready);
        return ready.cached;
      })().finally(() => this.pending.delete(fullKey));
      this.pending.set(fullKey, pending);
    }
    return pending;
  }
}
