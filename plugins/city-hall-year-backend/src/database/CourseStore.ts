import type {
  Course,
  CourseFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ChangeContext } from './EntryStore';

/** Storage of courses. */
export interface CourseStore {
  /** Every course, ordered by Japanese title. */
  listCourses(): Promise<Course[]>;

  /** A course by its slug or id. */
  getCourse(slugOrId: string): Promise<Course | undefined>;

  /** Creates a course. Throws ConflictError when the slug is taken. */
  createCourse(fields: CourseFields, change: ChangeContext): Promise<Course>;

  /**
   * Replaces a course's fields if it is still at the expected version. Throws
   * NotFoundError or ConflictError.
   */
  updateCourse(
    id: string,
    fields: CourseFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<Course>;

  /** Deletes a course if it is still at the expected version. */
  deleteCourse(id: string, expectedVersion: number): Promise<void>;

  /**
   * Loads named courses once per database, as the entries' starting content is;
   * resolves to whether this call loaded them.
   */
  seedOnce(
    name: string,
    courses: CourseFields[],
    change: ChangeContext,
  ): Promise<boolean>;
}
