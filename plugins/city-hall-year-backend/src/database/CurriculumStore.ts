import type {
  Curriculum,
  CurriculumFields,
} from '@internal/plugin-city-hall-year-common';
import type { ChangeContext } from './EntryStore';

/** Storage of curricula. */
export interface CurriculumStore {
  /** Every curriculum, ordered by Japanese title. */
  listCurricula(): Promise<Curriculum[]>;

  /** A curriculum by its slug or id. */
  getCurriculum(slugOrId: string): Promise<Curriculum | undefined>;

  /** Creates a curriculum. Throws ConflictError when the slug is taken. */
  createCurriculum(
    fields: CurriculumFields,
    change: ChangeContext,
  ): Promise<Curriculum>;

  /**
   * Replaces a curriculum's fields if it is still at the expected version. Throws
   * NotFoundError or ConflictError.
   */
  updateCurriculum(
    id: string,
    fields: CurriculumFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<Curriculum>;

  /** Deletes a curriculum if it is still at the expected version. */
  deleteCurriculum(id: string, expectedVersion: number): Promise<void>;

  /**
   * Loads named curricula once per database, as the entries' starting content is;
   * resolves to whether this call loaded them.
   */
  seedOnce(
    name: string,
    curricula: CurriculumFields[],
    change: ChangeContext,
  ): Promise<boolean>;
}
