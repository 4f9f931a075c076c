import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { Request } from 'express';
import type { EntryStore } from '../database/EntryStore';
import type { EntryAuthorizer } from './EntryAuthorizer';
import type { EntryValidator } from './EntryValidator';

/** Who asks, and the HTTP request it came in, for audit. */
export interface CallContext {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  request?: Request;
}

/**
 * What every service that changes entries works with: their storage, the permission
 * framework, the catalog checks, audit, the events bus and a clock (tests set it).
 */
export interface EntryWriteDeps {
  store: EntryStore;
  authorizer: EntryAuthorizer;
  validator: EntryValidator;
  auditor: AuditorService;
  events: EventsService;
  logger: LoggerService;
  now?: () => Date;
}
