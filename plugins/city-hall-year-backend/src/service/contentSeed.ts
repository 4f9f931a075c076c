import {
  resolvePackagePath,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  courseInputSchema,
  entryInputSchema,
  type CourseFields,
  type EntryFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CourseStore } from '../database/CourseStore';
import type { EntryStore } from '../database/EntryStore';

/** Name of the starting content set; a new set (a new name) is loaded into databases that lack it. */
export const STARTING_CONTENT = 'starting-content-v1';

/** The actor recorded on seeded entries and revisions. */
export const SEED_ACTOR = 'plugin:city-hall-year/seed';

/** Where the shipped starting content is, inside the package. */
export const contentDir = resolvePackagePath(
  '@city-hall-year/backstage-plugin-city-hall-year-backend',
  'content',
);

/**
 * Reads and validates the starting content: every `*.yaml` file under `content/`,
 * each a list of entries. A file that does not match the shared schema is an error
 * that names the file, the entry and the field.
 */
export async function loadStartingContent(
  dir: string = contentDir,
): Promise<EntryFields[]> {
  const files = (await fs.readdir(dir)).filter(f => f.endsWith('.yaml')).sort();
  const entries: EntryFields[] = [];
  for (const file of files) {
    const documents = parseYaml(
      await fs.readFile(path.join(dir, file), 'utf8'),
    );
    if (!Array.isArray(documents)) {
      throw new Error(`${file}: expected a list of entries`);
    }
    documents.forEach((document, index) => {
      const result = entryInputSchema.safeParse(document);
      if (!result.success) {
        const issues = result.error.issues
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
        throw new Error(
          `${file} entry ${index + 1} (${document?.slug ?? '?'}): ${issues}`,
        );
      }
      entries.push(result.data);
    });
  }
  const slugs = new Set<string>();
  for (const entry of entries) {
    if (slugs.has(entry.slug)) {
      throw new Error(`Duplicate slug in starting content: ${entry.slug}`);
    }
    slugs.add(entry.slug);
  }
  return entries;
}

/** Name of the starting courses, loaded once after the starting content. */
export const STARTING_COURSES = 'starting-curricula-v1';

/**
 * Reads and validates the shipped example courses: one course per `*.yaml` file
 * under `content/courses/`.
 */
export async function loadStartingCourses(
  dir: string = path.join(contentDir, 'courses'),
): Promise<CourseFields[]> {
  const files = (await fs.readdir(dir)).filter(f => f.endsWith('.yaml')).sort();
  const courses: CourseFields[] = [];
  for (const file of files) {
    const document = parseYaml(await fs.readFile(path.join(dir, file), 'utf8'));
    const result = courseInputSchema.safeParse(document);
    if (!result.success) {
      const issues = result.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      throw new Error(`courses/${file}: ${issues}`);
    }
    courses.push(result.data);
  }
  return courses;
}

/**
 * Loads the starting content and then the example courses into a database that has
 * not had them, once however many replicas start together. Reading and checking the
 * content files is skipped on every start after the first. Courses keep only the
 * steps whose entries exist in this database.
 */
export async function seedStartingContent(deps: {
  entries: EntryStore;
  courses: CourseStore;
  logger: LoggerService;
  now?: () => Date;
}): Promise<void> {
  const { entries, courses, logger } = deps;
  const change = {
    actor: SEED_ACTOR,
    at: (deps.now?.() ?? new Date()).toISOString(),
  };
  if (
    !(await entries.isSeeded(STARTING_CONTENT)) &&
    (await entries.seedOnce(
      STARTING_CONTENT,
      await loadStartingContent(),
      change,
    ))
  ) {
    logger.info(`Loaded the starting content (${STARTING_CONTENT})`);
  }
  if (await entries.isSeeded(STARTING_COURSES)) return;
  const live = new Set((await entries.listAllEntries({})).map(e => e.slug));
  const starting = (await loadStartingCourses())
    .map(c => ({ ...c, steps: c.steps.filter(s => live.has(s.entry)) }))
    .filter(c => c.steps.length > 0);
  if (await courses.seedOnce(STARTING_COURSES, starting, change)) {
    logger.info(`Loaded the example courses (${STARTING_COURSES})`);
  }
}
