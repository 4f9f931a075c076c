import { InputError } from '@backstage/errors';
import type { z } from 'zod';

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
