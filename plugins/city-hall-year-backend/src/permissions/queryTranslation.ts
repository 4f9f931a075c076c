import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import type { EntryQuery } from './rules';

/**
 * Applies permission criteria (already transformed by the rules' `toQuery`) to a query
 * on the entries table, so that lists are filtered in SQL before paging.
 */
export function applyEntryCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<EntryQuery>,
): void {
  if ('anyOf' in criteria) {
    query.where(outer => {
      for (const sub of criteria.anyOf) {
        outer.orWhere(inner => applyEntryCriteria(inner, sub));
      }
    });
  } else if ('allOf' in criteria) {
    query.where(outer => {
      for (const sub of criteria.allOf) {
        outer.andWhere(inner => applyEntryCriteria(inner, sub));
      }
    });
  } else if ('not' in criteria) {
    query.whereNot(inner => applyEntryCriteria(inner, criteria.not));
  } else if (criteria.values.length === 0) {
    // IN () matches nothing; say so in a form every engine accepts.
    query.whereRaw('1 = 0');
  } else {
    query.whereIn(criteria.column, criteria.values);
  }
}
