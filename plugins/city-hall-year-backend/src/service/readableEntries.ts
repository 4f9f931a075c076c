import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryFilter, EntryStore } from '../database/EntryStore';
import type { EntryAuthorizer } from './EntryAuthorizer';

/** What finding the entries a caller may read takes. */
export interface ReadableEntryDeps {
  entries: Pick<EntryStore, 'getEntry' | 'listAllEntries'>;
  authorizer: EntryAuthorizer;
}

/**
 * A live entry the caller may read, by id or slug. An entry they may not read is "not
 * found", so that nobody learns that a draft exists.
 */
export async function readableEntry(
  deps: ReadableEntryDeps,
  idOrSlug: string,
  credentials: BackstageCredentials,
): Promise<Entry> {
  const entry = await deps.entries.getEntry(idOrSlug);
  if (!entry || !(await deps.authorizer.canRead(entry, credentials))) {
    throw new NotFoundError(`No entry '${idOrSlug}'`);
  }
  return entry;
}

/** The live entries of a filter that the caller may read, filtered in SQL. */
export async function readableEntries(
  deps: ReadableEntryDeps,
  filter: EntryFilter,
  credentials: BackstageCredentials,
): Promise<Entry[]> {
  const scope = await deps.authorizer.readScope(credentials);
  if (scope.kind === 'none') return [];
  return deps.entries.listAllEntries({
    ...filter,
    ...(scope.kind === 'some' ? { permission: scope.criteria } : {}),
  });
}
