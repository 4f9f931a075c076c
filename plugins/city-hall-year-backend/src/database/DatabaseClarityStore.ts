import {
  CLARITY_REASONS,
  type ClarityAnswer,
  type ClarityCounts,
  type ClarityReasonCounts,
} from '@internal/plugin-city-hall-year-common';
import type { Knex } from 'knex';
import type { ClarityFields, ClarityStore } from './ClarityStore';

const CLARITY = 'city_hall_year_clarity';

/** Bound parameters per statement stay well below SQLite's limit. */
const SLICE = 500;

function slices<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    result.push(items.slice(i, i + SLICE));
  }
  return result;
}

/** Knex implementation of {@link ClarityStore}. */
export class DatabaseClarityStore implements ClarityStore {
  constructor(private readonly db: Knex) {}

  async answer(
    entryId: string,
    userRef: string,
    fiscalYear: number,
    fields: ClarityFields,
    at: string,
    reader: { newStaff: boolean } = { newStaff: false },
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(CLARITY)
        .where({
          entry_id: entryId,
          user_ref: userRef,
          fiscal_year: fiscalYear,
        })
        .whereNull('superseded_at')
        .update({ superseded_at: at });
      await tx(CLARITY).insert({
        entry_id: entryId,
        user_ref: userRef,
        fiscal_year: fiscalYear,
        clear: fields.clear,
        reasons: JSON.stringify(fields.reasons),
        comment: fields.comment ?? null,
        answered_at: at,
        superseded_at: null,
        new_staff: reader.newStaff,
      });
    });
  }

  async current(
    entryId: string,
    userRef: string,
    fiscalYear: number,
  ): Promise<ClarityAnswer | undefined> {
    const row = await this.db(CLARITY)
      .where({ entry_id: entryId, user_ref: userRef, fiscal_year: fiscalYear })
      .whereNull('superseded_at')
      .orderBy('id', 'desc')
      .first();
    if (!row) return undefined;
    return {
      clear: Boolean(row.clear),
      reasons: JSON.parse(row.reasons),
      ...(row.comment ? { comment: row.comment } : {}),
      answeredAt: row.answered_at,
    };
  }

  async countsAt(
    fiscalYear: number,
    moments: string[],
    entryIds?: string[],
    options: { newStaffOnly?: boolean } = {},
  ): Promise<Map<string, ClarityCounts[]>> {
    const result = new Map<string, ClarityCounts[]>();
    if (moments.length === 0) return result;
    // One pass over the year's answers counts every moment: an answer counts at a
    // moment when it was given by then and not yet superseded.
    const current = (at: string) =>
      this.db.raw('?? <= ? AND (?? IS NULL OR ?? > ?)', [
        'answered_at',
        at,
        'superseded_at',
        'superseded_at',
        at,
      ]);
    for (const ids of entryIds ? slices(entryIds) : [undefined]) {
      const query = this.db(CLARITY)
        .where('fiscal_year', fiscalYear)
        .andWhere('answered_at', '<=', moments[moments.length - 1])
        .groupBy('entry_id')
        .select('entry_id');
      moments.forEach((at, i) => {
        query.sum({
          [`r${i}`]: this.db.raw('CASE WHEN ? THEN 1 ELSE 0 END', [
            current(at),
          ]),
          [`u${i}`]: this.db.raw('CASE WHEN ? AND NOT ?? THEN 1 ELSE 0 END', [
            current(at),
            'clear',
          ]),
        });
      });
      if (ids) query.whereIn('entry_id', ids);
      if (options.newStaffOnly) query.andWhere('new_staff', true);
      for (const row of (await query) as Array<Record<string, unknown>>) {
        result.set(
          row.entry_id as string,
          moments.map((_, i) => ({
            readers: Number(row[`r${i}`] ?? 0),
            unclear: Number(row[`u${i}`] ?? 0),
          })),
        );
      }
    }
    return result;
  }

  async reasonCounts(
    fiscalYear: number,
    entryIds: string[],
  ): Promise<Map<string, ClarityReasonCounts>> {
    const result = new Map<string, ClarityReasonCounts>();
    for (const ids of slices(entryIds)) {
      const query = this.db(CLARITY)
        .where('fiscal_year', fiscalYear)
        .whereNull('superseded_at')
        .andWhere('clear', false)
        .whereIn('entry_id', ids)
        .groupBy('entry_id')
        .select('entry_id');
      for (const reason of CLARITY_REASONS) {
        // The reasons are a JSON array of fixed codes: a quoted code matches only itself.
        query.sum({
          [reason]: this.db.raw('CASE WHEN ?? LIKE ? THEN 1 ELSE 0 END', [
            'reasons',
            `%"${reason}"%`,
          ]),
        });
      }
      for (const row of await query) {
        result.set(
          row.entry_id,
          Object.fromEntries(
            CLARITY_REASONS.map(r => [r, Number(row[r] ?? 0)]),
          ) as ClarityReasonCounts,
        );
      }
    }
    return result;
  }

  async comments(entryId: string, fiscalYear: number, limit: number) {
    const rows = await this.db(CLARITY)
      .where({ entry_id: entryId, fiscal_year: fiscalYear })
      .whereNull('superseded_at')
      .andWhere('clear', false)
      .whereNotNull('comment')
      .orderBy([
        { column: 'answered_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('comment', 'reasons', 'answered_at');
    return rows.map(row => ({
      comment: row.comment as string,
      reasons: JSON.parse(row.reasons),
      answeredAt: row.answered_at as string,
    }));
  }
}
