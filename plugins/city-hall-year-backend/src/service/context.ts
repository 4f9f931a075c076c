import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';

/** Who asks, and the HTTP request it came in, for audit. */
export interface CallContext {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  request?: Request;
}
