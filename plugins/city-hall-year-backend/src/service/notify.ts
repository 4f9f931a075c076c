import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';

/**
 * Sends one notification of the plugin: to the entities named (Groups reach their
 * members), never to the person who acted, and with a scope, so that later events of
 * the same thing update the notification instead of adding another. What was written
 * stays written: a missed notification is logged, not thrown.
 */
export async function notifyOnce(
  deps: { notifications?: NotificationService; logger: LoggerService },
  options: {
    recipients: string[];
    /** Who acted: not told of their own step. */
    exclude: string;
    title: string;
    description: string;
    link: string;
    topic: string;
    scope: string;
    /** What the notification is of, for the log line when it cannot be sent. */
    about: string;
  },
): Promise<void> {
  const { notifications } = deps;
  const recipients = [...new Set(options.recipients)].filter(
    r => r !== options.exclude,
  );
  if (!notifications || recipients.length === 0) return;
  try {
    await notifications.send({
      recipients: {
        type: 'entity',
        entityRef: recipients,
        excludeEntityRef: options.exclude,
      },
      payload: {
        title: options.title,
        description: options.description,
        link: options.link,
        topic: options.topic,
        scope: options.scope,
        severity: 'normal',
      },
    });
  } catch (error) {
    deps.logger.warn(
      `Could not send the notification of ${options.about}`,
      error as Error,
    );
  }
}
