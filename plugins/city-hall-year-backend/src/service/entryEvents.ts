import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type {
  Entry,
  RevisionAction,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * The topic on which every change to an entry is published through the events service.
 *
 * @public
 */
export const ENTRY_CHANGED_TOPIC = 'city-hall-year.entry-changed';

/**
 * Payload of an {@link ENTRY_CHANGED_TOPIC} event.
 *
 * @public
 */
export interface EntryChangedEvent {
  action: RevisionAction;
  entryId: string;
  slug: string;
  owner: string;
  /** The owner before the change, when the change gave the entry to another department. */
  previousOwner?: string;
  version: number;
  actor: string;
  at: string;
}

/**
 * Publishes a committed change. A subscriber missing one event must not undo the
 * change, so a failure to publish is logged, not thrown.
 */
export async function publishEntryChange(
  deps: { events: EventsService; logger: LoggerService },
  change: {
    action: RevisionAction;
    entry: Entry;
    actor: string;
    previousOwner?: string;
  },
): Promise<void> {
  const { action, entry, actor, previousOwner } = change;
  const payload: EntryChangedEvent = {
    action,
    entryId: entry.id,
    slug: entry.slug,
    owner: entry.owner,
    ...(previousOwner && previousOwner !== entry.owner
      ? { previousOwner }
      : {}),
    version: entry.version,
    actor,
    at: entry.updatedAt,
  };
  try {
    await deps.events.publish({
      topic: ENTRY_CHANGED_TOPIC,
      eventPayload: payload,
    });
  } catch (error) {
    deps.logger.warn(
      `Could not publish ${ENTRY_CHANGED_TOPIC} for ${entry.slug}: ${error}`,
    );
  }
}
