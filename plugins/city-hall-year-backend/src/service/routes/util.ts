import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { Request } from 'express';
import { z } from 'zod';
import type { CallContext } from '../context';

/** A query that must be empty. */
export const noQuerySchema = z.object({}).strict();

/** An entry named in the path: its id or its slug. */
export const idOrSlugSchema = z.string().min(1).max(80);

/**
 * Parses a request value with a shared schema; a failure becomes a 400 that names
 * every offending field, e.g. `Invalid query: limit: must be at most 200`.
 */
export function parseRequest<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = result.error.issues
      .map(issue => {
        const path = issue.path.join('.');
        return path ? `${path}: ${issue.message}` : issue.message;
      })
      .join('; ');
    throw new InputError(`Invalid ${what}: ${details}`);
  }
  return result.data;
}

/** The JSON body, parsed by `schema`; an absent body is an empty object. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  req: Request,
): z.output<T> {
  return parseRequest(schema, req.body ?? {}, 'body');
}

/** The entry the path names (`:id`). */
export function entryParam(req: Request): string {
  return parseRequest(idOrSlugSchema, req.params.id, 'entry id');
}

const uuidSchema = z.string().uuid('must be an id');

/**
 * A path value that must be an id (a UUID), named by `what` in the 400, e.g.
 * `Invalid question id: must be an id`.
 */
export function idParam(value: string, what: string): string {
  return parseRequest(uuidSchema, value, what);
}

/** How routes learn who calls: from the token only, never from the body. */
export function callers(httpAuth: HttpAuthService) {
  return {
    /** Reads: a signed-in user or another backend (service token). */
    reader: (req: Request) =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    /** Writes and personal reads: a signed-in user, with the request for audit. */
    user: async (req: Request): Promise<CallContext> => ({
      credentials: await httpAuth.credentials(req, { allow: ['user'] }),
      request: req,
    }),
  };
}
