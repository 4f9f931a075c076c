import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  questionInputSchema,
  resolveFiscalYear,
  type ClarityReason,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isSeeded, seedOnce } from '../database/contentState';
import { DatabaseClarityStore } from '../database/DatabaseClarityStore';
import { DatabaseQuestionStore } from '../database/DatabaseQuestionStore';
import type { EntryStore } from '../database/EntryStore';
import { contentDir } from './contentSeed';

/** Name of the example dialogue, loaded once after the starting content. */
export const STARTING_DIALOGUE = 'starting-dialogue-v1';

const userRef = z.string().regex(/^user:[^/]+\/.+$/, 'must be a user ref');

const exampleQuestionSchema = questionInputSchema
  .extend({
    entry: z.string().min(1),
    asker: userRef,
    daysAgo: z.number().int().min(0).max(365),
    answers: z.array(
      z.object({ author: userRef, body: z.string().min(1) }).strict(),
    ),
    resolved: z.boolean().default(false),
  })
  .strict();

/** An example question of `content/dialogue/questions.yaml`. */
export type ExampleQuestion = z.output<typeof exampleQuestionSchema>;

/** Reads and checks the example questions and answers. */
export async function loadExampleQuestions(
  file: string = path.join(contentDir, 'dialogue', 'questions.yaml'),
): Promise<ExampleQuestion[]> {
  const result = z
    .array(exampleQuestionSchema)
    .safeParse(parseYaml(await fs.readFile(file, 'utf8')));
  if (!result.success) {
    const issues = result.error.issues
      .map(i => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`dialogue/questions.yaml: ${issues}`);
  }
  return result.data;
}

/** A small deterministic generator, so that every new database gets the same examples. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** How many of the example readers joined in the fiscal year. */
export const EXAMPLE_NEW_STAFF = 8;

const EXAMPLE_REASONS: ClarityReason[][] = [
  ['terms'],
  ['timing'],
  ['relevance'],
  ['procedure'],
  ['terms', 'procedure'],
  ['timing', 'relevance'],
];

/**
 * Example 「わかった / まだモヤモヤする」 answers for some entries, spread over the
 * fiscal year so far: at first about six readers in ten are still unclear, and some of
 * them understand later — the course the guide's authors saw in their own year. Made
 * up readers (`user:default/example-reader-NN`), never shown by name anyway; the first
 * {@link EXAMPLE_NEW_STAFF} are the year's new staff, who find more of it unclear.
 */
export function exampleClarityAnswers(entrySlugs: string[], now: Date) {
  const random = generator(20261202);
  const fiscalYear = resolveFiscalYear(now);
  const start = Date.parse(`${fiscalYear}-04-01T00:00:00+09:00`);
  const span = Math.max(now.getTime() - start, 0);
  const at = (share: number) =>
    new Date(start + Math.floor(span * share)).toISOString();
  const answers: Array<{
    entry: string;
    reader: string;
    clear: boolean;
    reasons: ClarityReason[];
    at: string;
    newStaff: boolean;
  }> = [];
  entrySlugs.forEach((entry, e) => {
    const readers = 8 + Math.floor(random() * 17);
    const hard = 0.45 + (e % 4) * 0.08;
    for (let r = 0; r < readers; r++) {
      const reader = `user:default/example-reader-${String(r + 1).padStart(
        2,
        '0',
      )}`;
      const newStaff = r < EXAMPLE_NEW_STAFF;
      const first = random() * 0.5;
      const unclear = random() < hard + (newStaff ? 0.2 : 0);
      const reasons = EXAMPLE_REASONS[Math.floor(random() * 6)];
      answers.push({
        entry,
        reader,
        clear: !unclear,
        reasons: unclear ? reasons : [],
        at: at(first),
        newStaff,
      });
      // Some of those still unclear understand later in the year.
      if (unclear && random() < 0.35) {
        answers.push({
          entry,
          reader,
          clear: true,
          reasons: [],
          at: at(first + 0.1 + random() * (0.9 - first)),
          newStaff,
        });
      }
    }
  });
  return answers.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Loads the example questions, answers and モヤモヤ answers into a database that has
 * not had them, once, after the starting content. Only for entries this database has.
 */
export async function seedStartingDialogue(deps: {
  db: Knex;
  entries: EntryStore;
  logger: LoggerService;
  now?: () => Date;
}): Promise<void> {
  if (await isSeeded(deps.db, STARTING_DIALOGUE)) return;
  const now = deps.now?.() ?? new Date();
  const live = new Map(
    (await deps.entries.listAllEntries({})).map(e => [e.slug, e.id]),
  );
  const questions = (await loadExampleQuestions()).filter(q =>
    live.has(q.entry),
  );
  const clarity = exampleClarityAnswers(
    [...new Set(questions.map(q => q.entry))],
    now,
  );
  const ago = (days: number, hours = 0) =>
    new Date(
      now.getTime() - days * 86_400_000 + hours * 3_600_000,
    ).toISOString();
  const loaded = await seedOnce(
    deps.db,
    {
      name: STARTING_DIALOGUE,
      count: questions.length,
      at: now.toISOString(),
    },
    async tx => {
      const questionStore = new DatabaseQuestionStore(tx);
      for (const q of questions) {
        const asked = await questionStore.createQuestion(
          live.get(q.entry)!,
          { title: q.title, body: q.body, anonymous: q.anonymous },
          { actor: q.asker, at: ago(q.daysAgo) },
        );
        let answerId: string | undefined;
        for (const [i, a] of q.answers.entries()) {
          const answer = await questionStore.addAnswer(
            asked.id,
            'answer',
            a.body,
            {
              actor: a.author,
              at: ago(q.daysAgo, 3 + i),
            },
          );
          answerId ??= answer.id;
        }
        if (q.resolved && answerId) {
          await questionStore.resolveQuestion(asked.id, answerId, {
            actor: q.asker,
            at: ago(q.daysAgo, 6),
          });
        }
      }
      const clarityStore = new DatabaseClarityStore(tx);
      const fiscalYear = resolveFiscalYear(now);
      for (const a of clarity) {
        await clarityStore.answer(
          live.get(a.entry)!,
          a.reader,
          fiscalYear,
          { clear: a.clear, reasons: a.reasons },
          a.at,
          { newStaff: a.newStaff },
        );
      }
    },
  );
  if (loaded) {
    deps.logger.info(
      `Loaded the example dialogue (${STARTING_DIALOGUE}): ${questions.length} questions, ${clarity.length} モヤモヤ answers`,
    );
  }
}
