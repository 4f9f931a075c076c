import {
  resolvePackagePath,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  curriculumInputSchema,
  entryInputSchema,
  type CurriculumFields,
  type EntryFields,
} from '@internal/plugin-city-hall-year-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CurriculumStore } from '../database/CurriculumStore';
import type { EntryStore } from '../database/EntryStore';

/** Name of the starting content set; a new set (a new name) is loaded into databases that lack it. */
export const STARTING_CONTENT = 'starting-content-v1';

/** The actor recorded on seeded entries and revisions. */
export const SEED_ACTOR = 'plugin:city-hall-year/seed';

const contentDir = resolvePackagePath(
  '@internal/plugin-city-hall-year-backend',
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

/** Name of the starting curricula, loaded once after the starting content. */
export const STARTING_CURRICULA = 'starting-curricula-v1';

/**
 * Reads and validates the shipped example curricula: one curriculum per `*.yaml` file
 * under `content/curricula/`.
 */
export async function loadStartingCurricula(
  dir: string = path.join(contentDir, 'curricula'),
): Promise<CurriculumFields[]> {
  const files = (await fs.readdir(dir)).filter(f => f.endsWith('.yaml')).sort();
  const curricula: CurriculumFields[] = [];
  for (const file of files) {
    const document = parseYaml(await fs.readFile(path.join(dir, file), 'utf8'));
    const result = curriculumInputSchema.safeParse(document);
    if (!result.success) {
      const issues = result.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      throw new Error(`curricula/${file}: ${issues}`);
    }
    curricula.push(result.data);
  }
  return curricula;
}

/**
 * Loads the starting content and then the example courses into a database that has
 * not had them, once however many replicas start together. Reading and checking the
 * content files is skipped on every start after the first. Courses keep only the
 * steps whose entries exist in this database.
 */
export async function seedStartingContent(deps: {
  entries: EntryStore;
  curricula: CurriculumStore;
  logger: LoggerService;
  now?: () => Date;
}): Promise<void> {
  const { entries, curricula, logger } = deps;
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
  if (await entries.isSeeded(STARTING_CURRICULA)) return;
  const live = new Set((await entries.listAllEntries({})).map(e => e.slug));
  const courses = (await loadStartingCurricula())
    .map(c => ({ ...c, steps: c.steps.filter(s => live.has(s.entry)) }))
    .filter(c => c.steps.length > 0);
  if (await curricula.seedOnce(STARTING_CURRICULA, courses, change)) {
    logger.info(`Loaded the example curricula (${STARTING_CURRICULA})`);
  }
}
