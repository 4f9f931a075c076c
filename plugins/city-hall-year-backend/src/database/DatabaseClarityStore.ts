import {
  CLARITY_REASONS,
  type ClarityAnswer,
  type ClarityAudience,
  type ClarityCounts,
  type ClarityReasonCounts,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import type { ClarityFields, ClarityStore } from './ClarityStore';
import { slices } from './slices';

const CLARITY = 'city_hall_year_clarity';

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
  ): Promise<Map<string, ClarityCounts[]>> {
    return (await this.sums(fiscalYear, moments, entryIds, false)).everyone;
  }

  async countsByAudienceAt(
    fiscalYear: number,
    moments: string[],
    entryIds?: string[],
  ): Promise<Record<ClarityAudience, Map<string, ClarityCounts[]>>> {
    return this.sums(fiscalYear, moments, entryIds, true);
  }

  /**
   * The counts at every moment from two grouped passes over the year's answers. An
   * answer counts at a moment when it was given by then and not yet superseded; as
   * an answer is superseded only after it was given, the readers at a moment are the
   * answers given by then less those superseded by then. So each answer is put in
   * the bucket of the first moment at or after it was given (and, once more, of the
   * one at or after it was superseded), counted per entry, bucket, clear and
   * new staff, and the buckets are summed up in order.
   */
  private async sums(
    fiscalYear: number,
    moments: string[],
    entryIds: string[] | undefined,
    withNewStaff: boolean,
  ): Promise<Record<ClarityAudience, Map<string, ClarityCounts[]>>> {
    const everyone = new Map<string, ClarityCounts[]>();
    const newStaff = new Map<string, ClarityCounts[]>();
    if (moments.length === 0) return { everyone, newStaff };
    const last = moments[moments.length - 1];
    // The bucket is a small integer written into the SQL; the moments are bound.
    const bucket = (column: string) =>
      this.db.raw(
        `CASE ${moments.map((_, i) => `WHEN ?? <= ? THEN ${i}`).join(' ')} END`,
        moments.flatMap(at => [column, at]),
      );
    type Row = {
      entry_id: string;
      b: number | string;
      clear: unknown;
      new_staff: unknown;
      n: unknown;
    };
    // Per entry and audience: answers given and superseded per bucket.
    const tallies = new Map<
      string,
      Record<ClarityAudience, { given: number[][]; superseded: number[][] }>
    >();
    const tally = (entryId: string) => {
      let t = tallies.get(entryId);
      if (!t) {
        const empty = () => ({
          // [all, unclear] per bucket.
          given: moments.map(() => [0, 0]),
          superseded: moments.map(() => [0, 0]),
        });
        t = { everyone: empty(), newStaff: empty() };
        tallies.set(entryId, t);
      }
      return t;
    };
    for (const ids of entryIds ? slices(entryIds) : [undefined]) {
      for (const column of ['answered_at', 'superseded_at'] as const) {
        const query = this.db(CLARITY)
          .where('fiscal_year', fiscalYear)
          .andWhere(column, '<=', last)
          .select('entry_id', 'clear', 'new_staff', {
            b: bucket(column),
          })
          .count({ n: '*' })
          .groupByRaw('entry_id, b, clear, new_staff');
        if (ids) query.whereIn('entry_id', ids);
        for (const row of (await query) as Row[]) {
          const t = tally(row.entry_id);
          const kind = column === 'answered_at' ? 'given' : 'superseded';
          const b = Number(row.b);
          const n = Number(row.n);
          const unclear = !row.clear || row.clear === '0' ? n : 0;
          const audiences: ClarityAudience[] =
            withNewStaff && row.new_staff && row.new_staff !== '0'
              ? ['everyone', 'newStaff']
              : ['everyone'];
          for (const audience of audiences) {
            t[audience][kind][b][0] += n;
            t[audience][kind][b][1] += unclear;
          }
        }
      }
    }
    for (const [entryId, t] of tallies) {
      for (const audience of ['everyone', 'newStaff'] as const) {
        const { given, superseded } = t[audience];
        let readers = 0;
        let unclear = 0;
        const series = moments.map((_, i) => {
          readers += given[i][0] - superseded[i][0];
          unclear += given[i][1] - superseded[i][1];
          return { readers, unclear };
        });
        // Like everyone's, only the entries some of them answered.
        if (given.some(g => g[0] > 0)) {
          (audience === 'everyone' ? everyone : newStaff).set(entryId, series);
        }
      }
    }
    return { everyone, newStaff };
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

  async unclearAmong(
    fiscalYear: number,
    entryIds: string[],
    userRefs: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (entryIds.length === 0) return result;
    for (const users of slices(userRefs)) {
      const rows: Array<{ entry_id: string; unclear: number | string }> =
        await this.db(CLARITY)
          .where('fiscal_year', fiscalYear)
          .whereNull('superseded_at')
          .andWhere('clear', false)
          .whereIn('entry_id', entryIds)
          .whereIn('user_ref', users)
          .groupBy('entry_id')
          .select('entry_id')
          .count({ unclear: '*' });
      for (const row of rows) {
        result.set(
          row.entry_id,
          (result.get(row.entry_id) ?? 0) + Number(row.unclear),
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
