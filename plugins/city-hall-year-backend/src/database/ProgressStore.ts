/** One mark 「このステップを終えた」: a learner, a course and the step's entry. */
export interface ProgressMark {
  courseId: string;
  userRef: string;
  entrySlug: string;
  doneAt: string;
}

/**
 * Storage of course progress. A mark names the step's entry (not its position), so
 * that it follows the step when HR reorders a course; marks go with their course.
 */
export interface ProgressStore {
  /**
   * Marks a step done (keeping the first time it was marked) or not done; resolves
   * to whether anything changed.
   */
  mark(mark: ProgressMark, done: boolean): Promise<boolean>;

  /** A learner's marks, in one course or in all of them. */
  ofUser(userRef: string, courseId?: string): Promise<ProgressMark[]>;

  /** Every learner's marks in a course. */
  ofCourse(courseId: string): Promise<ProgressMark[]>;
}
