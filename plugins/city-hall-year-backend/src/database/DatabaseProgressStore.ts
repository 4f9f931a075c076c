import type { Knex } from 'knex';
import type { ProgressMark, ProgressStore } from './ProgressStore';

const PROGRESS = 'city_hall_year_course_progress';

interface ProgressRow {
  course_id: string;
  user_ref: string;
  entry_slug: string;
  done_at: string;
}

function toMark(row: ProgressRow): ProgressMark {
  return {
    courseId: row.course_id,
    userRef: row.user_ref,
    entrySlug: row.entry_slug,
    doneAt: row.done_at,
  };
}

/** Knex implementation of {@link ProgressStore}. */
export class DatabaseProgressStore implements ProgressStore {
  constructor(private readonly db: Knex) {}

  async mark(mark: ProgressMark, done: boolean): Promise<boolean> {
    const key = {
      course_id: mark.courseId,
      user_ref: mark.userRef,
      entry_slug: mark.entrySlug,
    };
    if (!done) {
      return (await this.db<ProgressRow>(PROGRESS).where(key).delete()) > 0;
    }
    // Marking a done step again keeps when it was first done.
    const inserted = await this.db<ProgressRow>(PROGRESS)
      .insert({ ...key, done_at: mark.doneAt })
      .onConflict(['course_id', 'user_ref', 'entry_slug'])
      .ignore()
      .returning('course_id');
    return inserted.length > 0;
  }

  async ofUser(userRef: string, courseId?: string): Promise<ProgressMark[]> {
    const rows = await this.db<ProgressRow>(PROGRESS)
      .where({
        user_ref: userRef,
        ...(courseId ? { course_id: courseId } : {}),
      })
      .orderBy([
        { column: 'done_at', order: 'asc' },
        { column: 'entry_slug', order: 'asc' },
      ]);
    return rows.map(toMark);
  }

  async ofCourse(courseId: string): Promise<ProgressMark[]> {
    const rows = await this.db<ProgressRow>(PROGRESS)
      .where({ course_id: courseId })
      .orderBy([
        { column: 'user_ref', order: 'asc' },
        { column: 'done_at', order: 'asc' },
      ]);
    return rows.map(toMark);
  }
}
