import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  EventParams,
  EventsService,
  EventsServiceSubscribeOptions,
} from '@backstage/plugin-events-node';
import { ENTRY_CHANGED_TOPIC } from '../service/entryEvents';
import { SearchRefresher, searchIndexTaskId } from './SearchRefresher';

/** An events service that hands each published event to its subscribers. */
class LocalEvents implements EventsService {
  private readonly subscribers: EventsServiceSubscribeOptions[] = [];
  async publish(params: EventParams) {
    for (const s of this.subscribers) {
      if (s.topics.includes(params.topic)) await s.onEvent(params);
    }
  }
  async subscribe(options: EventsServiceSubscribeOptions) {
    this.subscribers.push(options);
  }
}

describe('SearchRefresher', () => {
  afterEach(() => jest.useRealTimers());

  const changed = (events: EventsService) =>
    events.publish({
      topic: ENTRY_CHANGED_TOPIC,
      eventPayload: { action: 'faq', slug: 'shutsuno-heisa' },
    });

  it('names the task as Backstage search names it', () => {
    expect(searchIndexTaskId('city-hall-year')).toBe(
      'search_index_city_hall-year',
    );
  });

  it('re-indexes once a few seconds after changes, not once per change', async () => {
    jest.useFakeTimers();
    const events = new LocalEvents();
    const triggerTask = jest.fn(async (_id: string) => {});
    await new SearchRefresher(
      {
        events,
        scheduler: { triggerTask },
        logger: mockServices.logger.mock(),
      },
      { taskIds: ['search_index_city_hall-year'], delayMs: 5_000 },
    ).start();

    await changed(events);
    await changed(events);
    await changed(events);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(triggerTask).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(triggerTask.mock.calls).toEqual([['search_index_city_hall-year']]);

    // A later change is a later run; other topics are not listened to.
    await events.publish({ topic: 'catalog.changed', eventPayload: {} });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(triggerTask).toHaveBeenCalledTimes(1);
    await changed(events);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(triggerTask).toHaveBeenCalledTimes(2);
  });

  it('tries again when a run is under way, and waits when search has not started', async () => {
    jest.useFakeTimers();
    const events = new LocalEvents();
    const logger = mockServices.logger.mock();
    const triggerTask = jest
      .fn(async (_id: string) => {})
      .mockRejectedValueOnce(new NotFoundError('not yet'))
      .mockRejectedValueOnce(new ConflictError('running'));
    await new SearchRefresher(
      { events, scheduler: { triggerTask }, logger },
      { taskIds: ['t'], delayMs: 1_000, retryMs: 30_000 },
    ).start();

    await changed(events);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(triggerTask).toHaveBeenCalledTimes(1);
    // Not scheduled yet: no retry, nothing to warn about; the next change tries again.
    await jest.advanceTimersByTimeAsync(60_000);
    expect(triggerTask).toHaveBeenCalledTimes(1);
    expect(logger.warn).not.toHaveBeenCalled();

    await changed(events);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(triggerTask).toHaveBeenCalledTimes(2);
    // Running: the run may have read the entries before the change, so once more.
    await jest.advanceTimersByTimeAsync(30_000);
    expect(triggerTask).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(triggerTask).toHaveBeenCalledTimes(3);
  });
});
