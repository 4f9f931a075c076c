import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Course,
  CourseFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { CourseStore } from './CourseStore';
import type { ChangeContext } from './EntryStore';
import { bumpGeneration, seedOnce } from './contentState';

const COURSES = 'city_hall_year_curricula';

interface CourseRow {
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

function rowToCourse(row: CourseRow): Course {
  return {
    ...(JSON.parse(row.data) as CourseFields),
    id: row.id,
    slug: row.slug,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Knex implementation of {@link CourseStore}; the tables come from the entries' migrations. */
export class DatabaseCourseStore implements CourseStore {
  constructor(private readonly db: Knex) {}

  async listCourses(): Promise<Course[]> {
    const rows = await this.db<CourseRow>(COURSES).orderBy([
      { column: 'title_ja' },
      { column: 'slug' },
    ]);
    return rows.map(rowToCourse);
  }

  async getCourse(slugOrId: string): Promise<Course | undefined> {
    const row = await this.db<CourseRow>(COURSES)
      .where('slug', slugOrId)
      .orWhere('id', slugOrId)
      .first();
    return row ? rowToCourse(row) : undefined;
  }

  async createCourse(
    fields: CourseFields,
    change: ChangeContext,
  ): Promise<Course> {
    return this.db.transaction(tx => this.insert(tx, fields, change));
  }

  async updateCourse(
    id: string,
    fields: CourseFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<Course> {
    return this.db.transaction(async tx => {
      const current = await tx<CourseRow>(COURSES).where({ id }).first();
      if (!current) {
        throw new NotFoundError(`No course '${id}'`);
      }
      const updated = await tx<CourseRow>(COURSES)
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
          `Course '${current.slug}' is at version ${current.version}, not ${expectedVersion}: it was changed meanwhile`,
        );
      }
      await bumpGeneration(tx);
      return rowToCourse((await tx<CourseRow>(COURSES).where({ id }).first())!);
    });
  }

  async deleteCourse(id: string, expectedVersion: number): Promise<void> {
    const deleted = await this.db.transaction(async tx => {
      const count = await tx<CourseRow>(COURSES)
        .where({ id, version: expectedVersion })
        .delete();
      if (count === 1) await bumpGeneration(tx);
      return count;
    });
    if (deleted !== 1) {
      const current = await this.db<CourseRow>(COURSES).where({ id }).first();
      if (!current) throw new NotFoundError(`No course '${id}'`);
      throw new ConflictError(
        `Course '${current.slug}' is at version ${current.version}, not ${expectedVersion}: it was changed meanwhile`,
      );
    }
  }

  async seedOnce(
    name: string,
    courses: CourseFields[],
    change: ChangeContext,
  ): Promise<boolean> {
    return seedOnce(
      this.db,
      { name, count: courses.length, at: change.at },
      async tx => {
        for (const fields of courses) {
          await this.insert(tx, fields, change);
        }
      },
    );
  }

  private async insert(
    tx: Knex.Transaction,
    fields: CourseFields,
    change: ChangeContext,
  ): Promise<Course> {
    if (await tx(COURSES).where({ slug: fields.slug }).first()) {
      throw new ConflictError(
        `A course with slug '${fields.slug}' already exists`,
      );
    }
    const row: CourseRow = {
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
    await tx(COURSES).insert(row);
    await bumpGeneration(tx);
    return rowToCourse(row);
  }
}
