import {
  entrySearchText,
  type Entry,
  type EntryFields,
  type EntryRevisionSummary,
  type RevisionAction,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { applyEntryCriteria } from '../permissions/queryTranslation';
import type { EntryFilter } from './EntryStore';

/** The tables of entries and of their revisions. */
export const ENTRIES = 'city_hall_year_entries';
export const REVISIONS = 'city_hall_year_entry_revisions';

/** The columns of a revision without its snapshot: what a history list shows. */
export const REVISION_SUMMARY_COLUMNS = [
  'entry_id',
  'revision',
  'action',
  'changed_fields',
  'restored_from',
  'proposed_by',
  'proposal_id',
  'created_by',
  'created_at',
];

/** A row of the entries table. */
export interface EntryRow {
  id: string;
  slug: string;
  cycle: string;
  owner: string;
  status: string;
  title_ja: string;
  search_text: string;
  data: string;
  version: number;
  confirmed_fiscal_year: number | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** A row of the revisions table. */
export interface RevisionRow {
  entry_id: string;
  revision: number;
  action: string;
  snapshot: string;
  changed_fields: string;
  restored_from: number | null;
  proposed_by?: string | null;
  proposal_id?: string | null;
  created_by: string;
  created_at: string;
}

export function fieldsOf(row: EntryRow): EntryFields {
  // Entries written before the FAQ existed have none.
  const fields = JSON.parse(row.data) as EntryFields;
  return { ...fields, faq: fields.faq ?? [] };
}

/** The fields as stored: every FAQ item has an id, a new one a fresh id. */
function withFaqIds(fields: EntryFields): EntryFields {
  return {
    ...fields,
    faq: (fields.faq ?? []).map(item =>
      item.id ? item : { ...item, id: randomUUID() },
    ),
  };
}

export function rowToEntry(row: EntryRow): Entry {
  return {
    ...(fieldsOf(row) as Entry),
    id: row.id,
    slug: row.slug,
    version: Number(row.version),
    ...(row.confirmed_fiscal_year !== null &&
    row.confirmed_fiscal_year !== undefined
      ? { confirmedFiscalYear: Number(row.confirmed_fiscal_year) }
      : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function rowToRevisionSummary(row: RevisionRow): EntryRevisionSummary {
  return {
    entryId: row.entry_id,
    revision: Number(row.revision),
    action: row.action as RevisionAction,
    changedFields: JSON.parse(row.changed_fields),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.restored_from !== null && row.restored_from !== undefined
      ? { restoredFrom: Number(row.restored_from) }
      : {}),
    ...(row.proposed_by ? { proposedBy: row.proposed_by } : {}),
    ...(row.proposal_id ? { proposalId: row.proposal_id } : {}),
  };
}

/** Columns derived from the editable fields. */
export function fieldColumns(fields: EntryFields) {
  return {
    cycle: fields.cycle,
    owner: fields.owner,
    status: fields.status,
    title_ja: fields.title.ja,
    search_text: entrySearchText(fields),
    data: JSON.stringify(withFaqIds(fields)),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

/** Rows of live (or, with `deleted`, deleted) entries only. */
export function inState<T extends Knex.QueryBuilder>(
  query: T,
  deleted: boolean,
): T {
  return (
    deleted ? query.whereNotNull('deleted_at') : query.whereNull('deleted_at')
  ) as T;
}

/** The entries a filter selects, the caller's permission criteria included, in SQL. */
export function filteredEntries(
  db: Knex,
  filter: EntryFilter,
): Knex.QueryBuilder<EntryRow, EntryRow[]> {
  const query = db<EntryRow>(ENTRIES);
  inState(query, Boolean(filter.deleted));
  if (filter.cycles?.length) {
    query.whereIn('cycle', filter.cycles);
  }
  if (filter.owners?.length) {
    query.whereIn('owner', filter.owners);
  }
  if (filter.statuses?.length) {
    query.whereIn('status', filter.statuses);
  }
  if (filter.query) {
    query.whereRaw("search_text LIKE ? ESCAPE '\\'", [
      `%${escapeLike(filter.query.toLocaleLowerCase('ja-JP'))}%`,
    ]);
  }
  if (filter.permission) {
    applyEntryCriteria(query, filter.permission);
  }
  return query;
}

/** Writes the revision of an entry's new state: who, when, why and which fields changed. */
export async function insertRevision(
  tx: Knex.Transaction,
  entry: Entry,
  change: {
    actor: string;
    at: string;
    action: RevisionAction;
    changed: string[];
    restoredFrom?: number;
    proposedBy?: string;
    proposalId?: string;
  },
): Promise<void> {
  await tx<RevisionRow>(REVISIONS).insert({
    entry_id: entry.id,
    revision: entry.version,
    action: change.action,
    snapshot: JSON.stringify(entry),
    changed_fields: JSON.stringify(change.changed),
    restored_from: change.restoredFrom ?? null,
    ...(change.proposalId
      ? { proposed_by: change.proposedBy, proposal_id: change.proposalId }
      : {}),
    created_by: change.actor,
    created_at: change.at,
  });
}
