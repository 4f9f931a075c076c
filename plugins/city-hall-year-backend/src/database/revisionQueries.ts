import type {
  EntryRevision,
  EntryRevisionSummary,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import {
  REVISIONS,
  REVISION_SUMMARY_COLUMNS,
  rowToRevisionSummary,
  type RevisionRow,
} from './entryRows';

/** An entry's history, newest first, without the snapshots. */
export async function revisionSummaries(
  db: Knex,
  entryId: string,
): Promise<EntryRevisionSummary[]> {
  const rows = await db<RevisionRow>(REVISIONS)
    .where({ entry_id: entryId })
    .select(REVISION_SUMMARY_COLUMNS)
    .orderBy('revision', 'desc');
  return (rows as unknown as RevisionRow[]).map(rowToRevisionSummary);
}

/** One revision with the whole state it wrote. */
export async function revisionOf(
  db: Knex,
  entryId: string,
  revision: number,
): Promise<EntryRevision | undefined> {
  const row = await db<RevisionRow>(REVISIONS)
    .where({ entry_id: entryId, revision })
    .first();
  return row
    ? { ...rowToRevisionSummary(row), entry: JSON.parse(row.snapshot) }
    : undefined;
}

/** Revisions written after a moment, oldest first, by anybody but `excludeActor`. */
export async function revisionSummariesSince(
  db: Knex,
  since: string,
  options: { excludeActor?: string; limit: number },
): Promise<EntryRevisionSummary[]> {
  const query = db<RevisionRow>(REVISIONS)
    .where('created_at', '>', since)
    .select(REVISION_SUMMARY_COLUMNS)
    .orderBy([{ column: 'created_at' }, { column: 'revision' }])
    .limit(options.limit);
  if (options.excludeActor) {
    query.whereNot('created_by', options.excludeActor);
  }
  const rows = await query;
  return (rows as unknown as RevisionRow[]).map(rowToRevisionSummary);
}
