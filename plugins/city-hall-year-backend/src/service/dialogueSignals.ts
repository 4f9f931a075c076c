import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import { dialogueChannel } from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** What telling open entry pages about a change takes. */
export interface DialogueSignalDeps {
  /** Absent when the app has no signals backend: pages then show changes on reload. */
  signals?: SignalsService;
  logger: LoggerService;
}

/**
 * Tells every open page of an entry that its dialogue or FAQ changed, so that a new
 * answer appears without a reload. The message carries only the entry's id and what
 * happened, never text or names: each page reads again through the API, which shows
 * a reader only what they may see. A signal that cannot be sent loses nothing but
 * the live update, so it is logged, not thrown.
 */
export async function publishDialogueSignal(
  deps: DialogueSignalDeps,
  entryId: string,
  event: string,
): Promise<void> {
  if (!deps.signals) return;
  try {
    await deps.signals.publish({
      recipients: { type: 'broadcast' },
      channel: dialogueChannel(entryId),
      message: { entryId, event },
    });
  } catch (error) {
    deps.logger.warn(`Could not signal ${event} on entry ${entryId}: ${error}`);
  }
}
