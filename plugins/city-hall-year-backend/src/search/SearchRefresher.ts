import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { ENTRY_CHANGED_TOPIC } from '../service/entryEvents';

/**
 * The id Backstage search gives the indexing task of a document type (the search
 * backend's IndexBuilder names it so: only the first hyphen becomes an underscore).
 */
export function searchIndexTaskId(documentType: string): string {
  return `search_index_${documentType.replace('-', '_').toLowerCase()}`;
}

/**
 * Re-indexes City Hall Year in Backstage search soon after an entry changes (its text,
 * its FAQ, its owner), instead of at the next ten-minute round: a FAQ item written
 * now is found now. Changes within a few seconds share one run; the task is global,
 * so one replica's trigger serves all. A run already under way may have read the
 * entries before the change, so it is triggered again once it has ended.
 */
export class SearchRefresher {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly deps: {
      events: EventsService;
      scheduler: Pick<SchedulerService, 'triggerTask'>;
      logger: LoggerService;
    },
    private readonly options: {
      /** The indexing tasks to run again. */
      taskIds: string[];
      /** How long changes are gathered before one run. Default 5 s. */
      delayMs?: number;
      /** How long to wait for a run under way before trying again. Default 30 s. */
      retryMs?: number;
    },
  ) {}

  async start(): Promise<void> {
    await this.deps.events.subscribe({
      id: 'city-hall-year-search-refresh',
      topics: [ENTRY_CHANGED_TOPIC],
      onEvent: async () => this.soon(this.options.delayMs ?? 5_000),
    });
  }

  /** Triggers the tasks after `ms`, unless a trigger is already waiting. */
  private soon(ms: number) {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.trigger();
    }, ms);
    this.timer.unref?.();
  }

  private async trigger() {
    let busy = false;
    for (const id of this.options.taskIds) {
      try {
        await this.deps.scheduler.triggerTask(id);
      } catch (error) {
        const name = (error as Error)?.name;
        if (name === 'ConflictError') {
          busy = true;
        } else if (name === 'NotFoundError') {
          // Not scheduled yet (search starts its tasks a few seconds after start-up).
          this.deps.logger.debug(`Search task ${id} is not scheduled yet`);
        } else {
          this.deps.logger.warn(
            `Could not re-index ${id} after a change: ${error}`,
          );
        }
      }
    }
    if (busy) this.soon(this.options.retryMs ?? 30_000);
  }
}
