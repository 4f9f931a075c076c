import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  changedFields,
  editableFields,
  type ContentUpdateItem,
  type ContentUpdateReport,
  type ContentUpdateSkip,
  type CourseFields,
  type Entry,
  type EntryFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { CourseStore } from '../database/CourseStore';
import type { ChangeContext, EntryStore } from '../database/EntryStore';
import {
  loadStartingContent,
  loadStartingCourses,
  SEED_ACTOR,
  STARTING_CONTENT,
} from './contentSeed';

/** The actor recorded on the revisions a content update writes. */
export const CONTENT_UPDATE_ACTOR = 'plugin:city-hall-year/content-update';

/** The plugin's own loaders of shipped content: a change by anyone else is a person's. */
const LOADERS = new Set([SEED_ACTOR, CONTENT_UPDATE_ACTOR]);

/** One versioned update of the shipped content, applied once per database. */
export interface ContentUpdateDefinition {
  /** Its marker in the database; never reused. */
  name: string;
  /**
   * The fingerprint of the shipped entries and courses this update brings
   * ({@link contentFingerprint}); the content test fails when the shipped content
   * changes without a new update, so every change reaches existing databases.
   */
  fingerprint: string;
  /** Courses this update adds (a course missing for any other reason was deleted). */
  newCourses: string[];
}

/**
 * The content updates, oldest first. Each brings existing databases to the content
 * shipped with it: new entries and courses are added, and entries and courses that
 * nobody has changed since the plugin loaded them take the shipped text, each with a
 * revision by the content update. Anything a person changed is left alone and listed.
 * To ship a content change, add an update here with the new fingerprint.
 */
export const CONTENT_UPDATES: ContentUpdateDefinition[] = [
  {
    // The May extraordinary session, the December session and the settlement's
    // chain corrected; public enterprises, pay, tax and audit steps added; the
    // course for staff in their second posting.
    name: 'content-update-2026-12',
    fingerprint: '6394ee0e011fe9a6',
    newCourses: ['nikashome-gikai-no-ichinen'],
  },
  {
    // Who takes part in each step (参加者), with what each role does, for each
    // person's own year.
    name: 'content-update-2026-12-participants',
    fingerprint: '51cfc71e19aa9105',
    newCourses: [],
  },
];

/** The shipped content, as the update writes it. */
export interface ShippedContent {
  entries: EntryFields[];
  courses: CourseFields[];
}

/** Reads the shipped entries and courses. */
export async function loadShippedContent(): Promise<ShippedContent> {
  return {
    entries: await loadStartingContent(),
    courses: await loadStartingCourses(),
  };
}

/** A stable fingerprint of shipped content: equal for equal content, whatever the key order. */
export function contentFingerprint(content: ShippedContent): string {
  const sorted = {
    entries: [...content.entries].sort((a, b) => a.slug.localeCompare(b.slug)),
    courses: [...content.courses].sort((a, b) => a.slug.localeCompare(b.slug)),
  };
  return createHash('sha256')
    .update(stableStringify(sorted) ?? '')
    .digest('hex')
    .slice(0, 16);
}

/** The fields of an entry as they compare with shipped ones: FAQ items without their ids. */
function comparable(fields: EntryFields): EntryFields {
  return {
    ...fields,
    faq: (fields.faq ?? []).map(({ id: _id, ...item }) => item),
  };
}

/** The shipped fields, keeping the ids of FAQ items whose question stays, so links to them hold. */
function withKnownFaqIds(shipped: EntryFields, current: Entry): EntryFields {
  const ids = new Map(current.faq.map(item => [item.question, item.id]));
  return {
    ...shipped,
    faq: (shipped.faq ?? []).map(item => {
      const id = ids.get(item.question);
      return id ? { ...item, id } : item;
    }),
  };
}

function reportItem(
  fields: { slug: string; title: { ja: string; en?: string } },
  changed: string[],
): ContentUpdateItem {
  return { slug: fields.slug, title: fields.title, changedFields: changed };
}

async function updateEntries(
  entries: EntryStore,
  shipped: EntryFields[],
  change: ChangeContext,
): Promise<ContentUpdateReport['entries']> {
  const report: ContentUpdateReport['entries'] = {
    created: [],
    updated: [],
    skipped: [],
  };
  const live = new Map(
    (await entries.listAllEntries({})).map(e => [e.slug, e]),
  );
  const deleted = new Map(
    (await entries.listAllEntries({ deleted: true })).map(e => [e.slug, e]),
  );
  for (const fields of shipped) {
    const current = live.get(fields.slug) ?? deleted.get(fields.slug);
    if (!current) {
      try {
        await entries.createEntry(fields, change);
        report.created.push(
          reportItem(fields, changedFields(undefined, fields)),
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        report.skipped.push({
          ...reportItem(fields, changedFields(undefined, fields)),
          reason: 'slugTaken',
          shipped: fields,
        });
      }
      continue;
    }
    const changed = changedFields(
      comparable(editableFields(current)),
      comparable(fields),
    );
    if (changed.length === 0) continue;
    const skip = (
      reason: ContentUpdateSkip['reason'],
      by?: { createdBy: string; createdAt: string },
    ) =>
      report.skipped.push({
        ...reportItem(current, changed),
        reason,
        ...(by
          ? { lastChangedBy: by.createdBy, lastChangedAt: by.createdAt }
          : {}),
        shipped: fields,
      });
    const revisions = await entries.listRevisions(current.id);
    const byPeople = revisions.filter(r => !LOADERS.has(r.createdBy));
    const creation = revisions[revisions.length - 1];
    if (creation && !LOADERS.has(creation.createdBy)) {
      // A department wrote its own entry under the slug before it was shipped.
      skip('slugTaken', byPeople[0]);
    } else if (deleted.has(fields.slug)) {
      skip(
        'deleted',
        byPeople[0] ?? {
          createdBy: current.updatedBy,
          createdAt: current.updatedAt,
        },
      );
    } else if (byPeople.length > 0) {
      skip(
        byPeople.every(r => r.action === 'confirm') ? 'confirmed' : 'edited',
        byPeople[0],
      );
    } else {
      try {
        await entries.updateEntry(
          current.id,
          withKnownFaqIds(fields, current),
          {
            ...change,
            expectedVersion: current.version,
            action: 'contentUpdate',
          },
        );
        report.updated.push(reportItem(fields, changed));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skip('changedMeanwhile');
      }
    }
  }
  return report;
}

async function updateCourses(
  courses: CourseStore,
  shipped: CourseFields[],
  newCourses: Set<string>,
  change: ChangeContext,
): Promise<ContentUpdateReport['courses']> {
  const report: ContentUpdateReport['courses'] = {
    created: [],
    updated: [],
    skipped: [],
  };
  const existing = new Map((await courses.listCourses()).map(c => [c.slug, c]));
  for (const fields of shipped) {
    const current = existing.get(fields.slug);
    const all = Object.keys(fields).sort();
    if (!current) {
      if (newCourses.has(fields.slug)) {
        await courses.createCourse(fields, change);
        report.created.push(reportItem(fields, all));
      } else {
        // Shipped before and gone now: HR deleted it.
        report.skipped.push({ ...reportItem(fields, all), reason: 'deleted' });
      }
      continue;
    }
    const {
      id,
      version,
      createdBy,
      createdAt,
      updatedBy,
      updatedAt,
      ...stored
    } = current;
    const changed = changedFields(stored as CourseFields, fields);
    if (changed.length === 0) continue;
    if (!LOADERS.has(updatedBy)) {
      report.skipped.push({
        ...reportItem(current, changed),
        reason: 'edited',
        lastChangedBy: updatedBy,
        lastChangedAt: updatedAt,
      });
      continue;
    }
    try {
      await courses.updateCourse(id, fields, version, change);
      report.updated.push(reportItem(fields, changed));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      report.skipped.push({
        ...reportItem(current, changed),
        reason: 'changedMeanwhile',
      });
    }
  }
  return report;
}

/**
 * Applies one content update to this database through stores that share its
 * transaction. Course steps keep only entries that exist here, as the first load does.
 */
export async function applyContentUpdate(
  stores: { entries: EntryStore; courses: CourseStore },
  definition: ContentUpdateDefinition,
  shipped: ShippedContent,
  at: string,
): Promise<ContentUpdateReport> {
  const change = { actor: CONTENT_UPDATE_ACTOR, at };
  const entries = await updateEntries(stores.entries, shipped.entries, change);
  const live = new Set(
    (await stores.entries.listAllEntries({})).map(e => e.slug),
  );
  const courses = await updateCourses(
    stores.courses,
    shipped.courses
      .map(c => ({ ...c, steps: c.steps.filter(s => live.has(s.entry)) }))
      .filter(c => c.steps.length > 0),
    new Set(definition.newCourses),
    change,
  );
  return { name: definition.name, appliedAt: at, entries, courses };
}

/**
 * Brings a database that holds the starting content up to the shipped content:
 * every content update it has not had is applied once, however many replicas start together. Answers the reports
 * of the updates this call applied, and logs what each skipped.
 */
export async function updateStartingContent(deps: {
  entries: EntryStore;
  logger: LoggerService;
  now?: () => Date;
  updates?: ContentUpdateDefinition[];
  shipped?: ShippedContent;
}): Promise<ContentUpdateReport[]> {
  const { entries, logger } = deps;
  const applied: ContentUpdateReport[] = [];
  // Content a city wrote or imported itself is its own: only a database that was
  // given the starting content is brought up to date.
  if (!(await entries.isSeeded(STARTING_CONTENT))) return applied;
  // Every update brings the content shipped now, so the updates a database has
  // not had yet are applied together, as one update under the newest name (with the
  // courses each of them adds), and the older names are marked as contained in it.
  const pending: ContentUpdateDefinition[] = [];
  for (const definition of deps.updates ?? CONTENT_UPDATES) {
    if (!(await entries.isSeeded(definition.name))) pending.push(definition);
  }
  const newest = pending.at(-1);
  if (newest) {
    const definition = {
      ...newest,
      newCourses: pending.flatMap(d => d.newCourses),
    };
    const content = deps.shipped ?? (await loadShippedContent());
    const at = (deps.now?.() ?? new Date()).toISOString();
    const report = await entries.contentUpdateOnce(
      definition.name,
      at,
      stores => applyContentUpdate(stores, definition, content, at),
    );
    for (const older of pending.slice(0, -1)) {
      await entries.seedOnce(older.name, [], {
        actor: CONTENT_UPDATE_ACTOR,
        at,
      });
    }
    if (!report) return applied;
    applied.push(report);
    const count = (part: ContentUpdateReport['entries']) =>
      `${part.created.length} added, ${part.updated.length} corrected, ${part.skipped.length} left as edited here`;
    logger.info(
      `Applied the content update ${definition.name}: entries ${count(
        report.entries,
      )}; courses ${count(report.courses)}`,
    );
    for (const skip of [...report.entries.skipped, ...report.courses.skipped]) {
      logger.info(
        `Content update ${definition.name} left '${skip.slug}' as it is (${
          skip.reason
        }${
          skip.lastChangedBy ? ` by ${skip.lastChangedBy}` : ''
        }); would have changed: ${skip.changedFields.join(', ')}`,
      );
    }
  }
  return applied;
}
