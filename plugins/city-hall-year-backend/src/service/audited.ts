import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import type { CallContext } from './context';

type JsonObject = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/**
 * Runs a change inside an auditor event: created before the change, ended with
 * success (and what `resultMeta` says of the result) or with the failure, which is
 * thrown on. The actor comes from the caller's credentials.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: {
    eventId: string;
    ctx: Pick<CallContext, 'credentials' | 'request'>;
    meta?: JsonObject;
    severityLevel?: AuditorServiceCreateEventOptions['severityLevel'];
    resultMeta?: (result: T) => JsonObject;
  },
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: options.severityLevel ?? 'medium',
    request: options.ctx.request,
    meta: {
      ...options.meta,
      actor: options.ctx.credentials.principal.userEntityRef,
    },
  });
  try {
    const result = await change();
    await event.success(
      options.resultMeta ? { meta: options.resultMeta(result) } : undefined,
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
