import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Curriculum,
  CurriculumFields,
} from '@internal/plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { CurriculumStore } from './CurriculumStore';
import type { ChangeContext } from './EntryStore';
import { bumpGeneration, seedOnce } from './contentState';

const CURRICULA = 'city_hall_year_curricula';

interface CurriculumRow {
  id: string;
  slug: string;
  title_ja: string;
  data: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

function rowToCurriculum(row: CurriculumRow): Curriculum {
  return {
    ...(JSON.parse(row.data) as CurriculumFields),
    id: row.id,
    slug: row.slug,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Knex implementation of {@link CurriculumStore}; the tables come from the entries' migrations. */
export class DatabaseCurriculumStore implements CurriculumStore {
  constructor(private readonly db: Knex) {}

  async listCurricula(): Promise<Curriculum[]> {
    const rows = await this.db<CurriculumRow>(CURRICULA).orderBy([
      { column: 'title_ja' },
      { column: 'slug' },
    ]);
    return rows.map(rowToCurriculum);
  }

  async getCurriculum(slugOrId: string): Promise<Curriculum | undefined> {
    const row = await this.db<CurriculumRow>(CURRICULA)
      .where('slug', slugOrId)
      .orWhere('id', slugOrId)
      .first();
    return row ? rowToCurriculum(row) : undefined;
  }

  async createCurriculum(
    fields: CurriculumFields,
    change: ChangeContext,
  ): Promise<Curriculum> {
    return this.db.transaction(tx => this.insert(tx, fields, change));
  }

  async updateCurriculum(
    id: string,
    fields: CurriculumFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<Curriculum> {
    return this.db.transaction(async tx => {
      const current = await tx<CurriculumRow>(CURRICULA).where({ id }).first();
      if (!current) {
        throw new NotFoundError(`No curriculum '${id}'`);
      }
      const updated = await tx<CurriculumRow>(CURRICULA)
        .where({ id, version: expectedVersion })
        .update({
          title_ja: fields.title.ja,
          data: JSON.stringify(fields),
          version: expectedVersion + 1,
          updated_by: change.actor,
          updated_at: change.at,
        });
      if (updated !== 1) {
        throw new ConflictError(
          `Curriculum '${current.slug}' is at version ${current.version}, not ${expectedVersion}: it was changed meanwhile`,
        );
      }
      await bumpGeneration(tx);
      return rowToCurriculum(
        (await tx<CurriculumRow>(CURRICULA).where({ id }).first())!,
      );
    });
  }

  async deleteCurriculum(id: string, expectedVersion: number): Promise<void> {
    const deleted = await this.db.transaction(async tx => {
      const count = await tx<CurriculumRow>(CURRICULA)
        .where({ id, version: expectedVersion })
        .delete();
      if (count === 1) await bumpGeneration(tx);
      return count;
    });
    if (deleted !== 1) {
      const current = await this.db<CurriculumRow>(CURRICULA)
        .where({ id })
        .first();
      if (!current) throw new NotFoundError(`No curriculum '${id}'`);
      throw new ConflictError(
        `Curriculum '${current.slug}' is at version ${current.version}, not ${expectedVersion}: it was changed meanwhile`,
      );
    }
  }

  async seedOnce(
    name: string,
    curricula: CurriculumFields[],
    change: ChangeContext,
  ): Promise<boolean> {
    return seedOnce(
      this.db,
      { name, count: curricula.length, at: change.at },
      async tx => {
        for (const fields of curricula) {
          await this.insert(tx, fields, change);
        }
      },
    );
  }

  private async insert(
    tx: Knex.Transaction,
    fields: CurriculumFields,
    change: ChangeContext,
  ): Promise<Curriculum> {
    if (await tx(CURRICULA).where({ slug: fields.slug }).first()) {
      throw new ConflictError(
        `A curriculum with slug '${fields.slug}' already exists`,
      );
    }
    const row: CurriculumRow = {
      id: randomUUID(),
      slug: fields.slug,
      title_ja: fields.title.ja,
      data: JSON.stringify(fields),
      version: 1,
      created_by: change.actor,
      created_at: change.at,
      updated_by: change.actor,
      updated_at: change.at,
    };
    await tx(CURRICULA).insert(row);
    await bumpGeneration(tx);
    return rowToCurriculum(row);
  }
}
