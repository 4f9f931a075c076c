import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AnswerCache } from './AnswerCache';

/** A cache service kept in memory, as two replicas would share one on Redis. */
function sharedCache(): CacheService & { store: Map<string, unknown> } {
  const store = new Map<string, unknown>();
  const cache: CacheService = {
    get: async <T>(key: string) => store.get(key) as T | undefined,
    set: async (key: string, value: unknown) => {
      store.set(key, value);
    },
    delete: async (key: string) => {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return Object.assign(cache, { store });
}

/** Lets what is waiting on promises run. */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('AnswerCache', () => {
  let generation: number;
  beforeEach(() => {
    generation = 1;
  });

  it('makes an answer once for two replicas that share a cache, and each serves it from then on', async () => {
    const shared = sharedCache();
    const compute = jest.fn(async () => `{"generation":${generation}}`);
    const replicas = [1, 2].map(
      () =>
        new AnswerCache({ generation: async () => generation, cache: shared }),
    );
    const first = await replicas[0].cached('year:2026', compute);
    const second = await replicas[1].cached('year:2026', compute);
    expect([first.source, second.source]).toEqual(['computed', 'shared']);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(second.body.toString()).toBe('{"generation":1}');
    expect(second.etag).toBe(first.etag);
    expect((await replicas[1].cached('year:2026', compute)).source).toBe(
      'local',
    );

    // A write raises the generation: the next read anywhere makes a new answer.
    generation = 2;
    const after = await replicas[1].cached('year:2026', compute);
    expect(after.source).toBe('computed');
    expect(after.body.toString()).toBe('{"generation":2}');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('waits for one answer when readers arrive while it is being made', async () => {
    let finish!: (text: string) => void;
    const compute = jest.fn(
      () => new Promise<string>(resolve => (finish = resolve)),
    );
    const cache = new AnswerCache({ generation: async () => generation });
    const readers = [1, 2, 3].map(() => cache.cached('year:2026', compute));
    await settle();
    finish('{}');
    const answers = await Promise.all(readers);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(answers.map(a => a.body.toString())).toEqual(['{}', '{}', '{}']);
  });

  it('makes the answer itself when the shared cache fails, says so once, and leaves the cache alone for a while', async () => {
    const logger = mockServices.logger.mock();
    let now = 1_000_000;
    const broken: CacheService = {
      get: jest.fn(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      }),
      set: jest.fn(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      }),
      delete: jest.fn(),
      withOptions: () => broken,
    };
    const cache = new AnswerCache({
      generation: async () => generation,
      cache: broken,
      logger,
      now: () => now,
    });
    const compute = jest.fn(async () => '{"ok":true}');
    const answer = await cache.cached('year:2026', compute);
    expect(answer.source).toBe('computed');
    expect(answer.body.toString()).toBe('{"ok":true}');
    generation = 2;
    expect((await cache.cached('year:2026', compute)).source).toBe('computed');
    // Tried once, then left alone: the second answer did not ask it.
    expect(broken.get).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ECONNREFUSED'),
    );

    // After the cool-off it is asked again.
    now += 10_001;
    generation = 3;
    await cache.cached('year:2026', compute);
    expect(broken.get).toHaveBeenCalledTimes(2);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('does not wait for a shared cache that stopped answering', async () => {
    const silent: CacheService = {
      // A Redis client queues commands while its server is away: they never settle.
      get: jest.fn(() => new Promise<never>(() => {})),
      set: jest.fn(() => new Promise<never>(() => {})),
      delete: jest.fn(),
      withOptions: () => silent,
    };
    const cache = new AnswerCache({
      generation: async () => generation,
      cache: silent,
    });
    const answer = await cache.cached('year:2026', async () => '{"ok":true}');
    expect(answer.source).toBe('computed');
    expect(answer.body.toString()).toBe('{"ok":true}');
  });
});
