import type { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  editableFields,
  resolveFiscalYear,
  type Answer,
  type Course,
  type CourseInput,
  type Entry,
  type Proposal,
  type Question,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { isDeepStrictEqual } from 'node:util';
import type request from 'supertest';
import { stringify as stringifyYaml } from 'yaml';
import {
  ACCOUNTING,
  callAs,
  COUNCIL,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  putBody,
  snapshotDatabase,
  type Person,
} from '../__testUtils__';

/**
 * Abuse: every mutating route and the sensitive reads, asked by every kind of caller,
 * including the ones that try to get around the owner checks. Each cell states the
 * status it must get; after every refusal the database must be exactly as before.
 */

const VANISHED = 'group:default/no-such-ka';
/** A seeded entry that courses link to; no cell deletes it. */
const SEEDED_ENTRY = 'yosan-hensei-hoshin';

/**
 * In the dialogue rows, the new hire asks the question on a 財政課 entry and 財政課
 * staff (the `owner` column) write the answer; other readers write the comments.
 */
const ASKER: Person = 'newHire';
const ANSWERER: Person = 'finance';
const COMMENTER: Person = 'council';

type PersonaId =
  | 'owner'
  | 'otherDepartment'
  | 'parentBureau'
  | 'hrEditor'
  | 'newHire'
  | 'unauthenticated'
  | 'forgedOwner'
  | 'ownerReassignment'
  | 'deletedGroup'
  | 'noVersion'
  | 'staleVersion';

interface Persona {
  id: PersonaId;
  /** Who sends the request; nobody (no Authorization header) when absent. */
  person?: Person;
  /** The owner the body claims, for the personas that tamper with it. */
  owner?: string;
  attack?:
    | 'forged'
    | 'reassign'
    | 'deletedGroup'
    | 'noVersion'
    | 'staleVersion';
}

/** The order of the columns of {@link EXPECTED}. */
const PERSONAS: Persona[] = [
  // 財政課 staff acting on 財政課 entries.
  { id: 'owner', person: 'finance' },
  // 議事課 staff: another department.
  { id: 'otherDepartment', person: 'council' },
  // 企画財政局 staff (the parent bureau only): 財政課 entries are not theirs.
  { id: 'parentBureau', person: 'bureau' },
  { id: 'hrEditor', person: 'hr' },
  { id: 'newHire', person: 'newHire' },
  { id: 'unauthenticated' },
  // 財政課 staff writing an entry in 議事課's name.
  { id: 'forgedOwner', person: 'finance', owner: COUNCIL, attack: 'forged' },
  // 財政課 staff handing their own entry to 会計課 (only HR may reassign).
  {
    id: 'ownerReassignment',
    person: 'finance',
    owner: ACCOUNTING,
    attack: 'reassign',
  },
  // An HR editor (who may act for any group) naming a group the catalog lacks.
  {
    id: 'deletedGroup',
    person: 'hr',
    owner: VANISHED,
    attack: 'deletedGroup',
  },
  // An HR editor (who may do everything) leaving out the version a write acts on…
  { id: 'noVersion', person: 'hr', attack: 'noVersion' },
  // …or sending one that someone else's change made stale.
  { id: 'staleVersion', person: 'hr', attack: 'staleVersion' },
];

type RouteName =
  | 'POST /entries'
  | 'PUT /entries/:id'
  | 'DELETE /entries/:id'
  | 'POST /entries/:id/undelete'
  | 'POST /entries/:id/confirm'
  | 'POST /entries/:id/revisions/:n/restore'
  | 'POST /import?dryRun=false'
  | 'POST /courses'
  | 'PUT /courses/:slug'
  | 'DELETE /courses/:slug'
  | 'PUT /courses/:slug/progress/:step'
  | 'GET /courses/:slug/progress/summary'
  | 'POST /handover'
  | 'GET /handover'
  | 'GET /confirmations/:fy'
  | 'GET /entries/:id/revisions (draft)'
  | 'POST /entries/:id/questions'
  | 'POST /entries/:id/questions (draft)'
  | 'PUT /questions/:id'
  | 'DELETE /questions/:id'
  | 'POST /questions/:id/restore'
  | 'POST /questions/:id/answers'
  | 'POST /questions/:id/comments'
  | 'POST /questions/:id/resolve'
  | 'POST /questions/:id/resolve (comment)'
  | 'POST /questions/:id/me-too'
  | 'DELETE /questions/:id/me-too'
  | 'PUT /answers/:id'
  | 'DELETE /answers/:id'
  | 'POST /answers/:id/restore'
  | 'PUT /entries/:id/clarity'
  | 'PUT /entries/:id/clarity (draft)'
  | 'GET /entries/:id/faq (draft)'
  | 'POST /entries/:id/faq'
  | 'POST /entries/:id/faq (draft)'
  | 'PUT /entries/:id/faq/:faqId'
  | 'DELETE /entries/:id/faq/:faqId'
  | 'POST /entries/:id/proposals'
  | 'POST /entries/:id/proposals (draft)'
  | 'PUT /proposals/:id'
  | 'POST /proposals/:id/withdraw'
  | 'POST /proposals/:id/accept'
  | 'POST /proposals/:id/decline'
  | 'POST /proposals/:id/request-changes'
  | 'POST /entries/:id/ideas'
  | 'POST /entries/:id/ideas (draft)'
  | 'PUT /ideas/:id/status';

type Expected = number | null;

/**
 * The expected status of every cell; `null` where the persona has no meaning for the
 * route (no owner in the body to forge, nothing to reassign).
 *
 * Two deliberate deviations from "refused = 403":
 * - POST /import answers refusals with 400 and a per-row report (column `owner`),
 *   never a partial import: the report is the answer (see importExport.test.ts).
 * - The revisions of a draft are answered 404 to whoever may not read the draft, so
 *   as not to reveal that it exists (see entries.test.ts, drafts); so are asking,
 *   answering 「まだモヤモヤする」 and its FAQ.
 *
 * And in the dialogue (see questions.test.ts), where the new hire asked and 財政課
 * answered:
 * - A deleted question or reply is invisible to all but HR moderators, its asker and
 *   author included: bringing it back is answered 404 to them, not 403.
 * - The asker has no 「同じ疑問」 to add or take back (400); a comment cannot settle a
 *   question (400 to those who may resolve it, 403 to the others).
 *
 * And in change proposals, where the new hire proposed a change to a 財政課 entry:
 * - A proposal keeps the entry's owner: one naming another (forged, reassigned, or a
 *   Group the catalog lacks) is a 400, whoever sends it.
 * - Proposals are made on published entries: on a draft, its readers get 400, the
 *   others 404.
 * - Only the proposer revises or withdraws (HR included: 403 to everybody else).
 * - A reviewer's version of the proposal is optional (an empty accept accepts as
 *   proposed), so leaving it out succeeds; a stale one is 409.
 *
 * And in process-review ideas: only the review office (`cityHallYear.reviewGroups`,
 * 行政管理課, a column of none of these personas: see ideas.test.ts) sets an idea's
 * status; the owners and HR included get 403.
 */
// prettier-ignore
const EXPECTED: Record<RouteName, [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected]> = {
  //                                      owner other bureau  HR  new  anon forged reassign deleted-group no-version stale
  'POST /entries':                          [201,  403,  403, 201, 403, 401,  403,  null,  400,  null, null],
  'PUT /entries/:id':                       [200,  403,  403, 200, 403, 401,  403,   403,  400,   400,  409],
  'DELETE /entries/:id':                    [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'POST /entries/:id/undelete':             [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'POST /entries/:id/confirm':              [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'POST /entries/:id/revisions/:n/restore': [200,  403,  403, 200, 403, 401,  403,   403, null,   400,  409],
  'POST /import?dryRun=false':              [200,  400,  400, 200, 400, 401,  400,   400,  400,  null, null],
  'POST /courses':                        [403,  403,  403, 201, 403, 401, null,  null, null,  null, null],
  'PUT /courses/:slug':                   [403,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'DELETE /courses/:slug':                [403,  403,  403, 204, 403, 401, null,  null, null,   400,  409],
  'PUT /courses/:slug/progress/:step':      [200,  200,  200, 200, 200, 401, null,  null, null,  null, null],
  'GET /courses/:slug/progress/summary':    [403,  403,  403, 200, 403, 401, null,  null, null,  null, null],
  'POST /handover':                         [403,  403,  403, 200, 403, 401,  403,  null,  400,   400,  409],
  'GET /handover':                          [403,  403,  403, 200, 403, 401, null,  null, null,  null, null],
  'GET /confirmations/:fy':                 [403,  403,  403, 200, 403, 401, null,  null, null,  null, null],
  'GET /entries/:id/revisions (draft)':     [200,  404,  404, 200, 404, 401, null,  null, null,  null, null],
  'POST /entries/:id/questions':            [201,  201,  201, 201, 201, 401, null,  null, null,  null, null],
  'POST /entries/:id/questions (draft)':    [201,  404,  404, 201, 404, 401, null,  null, null,  null, null],
  'PUT /questions/:id':                     [403,  403,  403, 200, 200, 401, null,  null, null,   400,  409],
  'DELETE /questions/:id':                  [403,  403,  403, 200, 200, 401, null,  null, null,   400,  409],
  'POST /questions/:id/restore':            [404,  404,  404, 200, 404, 401, null,  null, null,   400,  409],
  'POST /questions/:id/answers':            [201,  403,  403, 201, 403, 401, null,  null, null,  null, null],
  'POST /questions/:id/comments':           [201,  201,  201, 201, 201, 401, null,  null, null,  null, null],
  'POST /questions/:id/resolve':            [200,  403,  403, 200, 200, 401, null,  null, null,  null, null],
  'POST /questions/:id/resolve (comment)':  [400,  403,  403, 400, 400, 401, null,  null, null,  null, null],
  'POST /questions/:id/me-too':             [200,  200,  200, 200, 400, 401, null,  null, null,  null, null],
  'DELETE /questions/:id/me-too':           [200,  200,  200, 200, 400, 401, null,  null, null,  null, null],
  'PUT /answers/:id':                       [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'DELETE /answers/:id':                    [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'POST /answers/:id/restore':              [404,  404,  404, 200, 404, 401, null,  null, null,   400,  409],
  'PUT /entries/:id/clarity':               [200,  200,  200, 200, 200, 401, null,  null, null,  null, null],
  'PUT /entries/:id/clarity (draft)':       [200,  404,  404, 200, 404, 401, null,  null, null,  null, null],
  'GET /entries/:id/faq (draft)':           [200,  404,  404, 200, 404, 401, null,  null, null,  null, null],
  'POST /entries/:id/faq':                  [201,  403,  403, 201, 403, 401, null,  null, null,  null, null],
  'POST /entries/:id/faq (draft)':          [201,  404,  404, 201, 404, 401, null,  null, null,  null, null],
  'PUT /entries/:id/faq/:faqId':            [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'DELETE /entries/:id/faq/:faqId':         [200,  403,  403, 200, 403, 401, null,  null, null,   400,  409],
  'POST /entries/:id/proposals':            [201,  201,  201, 201, 201, 401,  400,   400,  400,  null, null],
  'POST /entries/:id/proposals (draft)':    [400,  404,  404, 400, 404, 401, null,  null, null,  null, null],
  'PUT /proposals/:id':                     [403,  403,  403, 403, 200, 401, null,  null, null,   400, null],
  'POST /proposals/:id/withdraw':           [403,  403,  403, 403, 200, 401, null,  null, null,   400, null],
  'POST /proposals/:id/accept':             [200,  403,  403, 200, 403, 401, null,  null, null,   200,  409],
  'POST /proposals/:id/decline':            [200,  403,  403, 200, 403, 401, null,  null, null,   200,  409],
  'POST /proposals/:id/request-changes':    [200,  403,  403, 200, 403, 401, null,  null, null,   200,  409],
  'POST /entries/:id/ideas':                [201,  201,  201, 201, 201, 401, null,  null, null,  null, null],
  'POST /entries/:id/ideas (draft)':        [400,  404,  404, 400, 404, 401, null,  null, null,  null, null],
  'PUT /ideas/:id/status':                  [403,  403,  403, 403, 403, 401, null,  null, null,   400, null],
};

/**
 * The version a write sends: none for the persona that leaves it out; for every other
 * persona the one the state was read at (made stale in setup for `staleVersion`).
 */
const versionOf = (state: { version: number }, p: Persona) =>
  p.attack === 'noVersion' ? {} : { version: state.version };

type Call = (
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
) => request.Test;

interface Route {
  name: RouteName;
  /** Whether a success changes the database. */
  writes: boolean;
  /** Fresh fixtures for one cell, so that cells never depend on each other. */
  setup: (persona: Persona) => Promise<any>;
  /**
   * For the routes that act on a version: someone else changes the fixture after it
   * was read; the answer is the fixture as it was read, its version now stale.
   */
  staleAfter?: (state: any) => Promise<void>;
  send: (state: any, persona: Persona, call: Call) => request.Test;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

const tally = { cells: 0, requests: 0, refusals: 0, successes: 0 };

const databaseIds = new Set<TestDatabaseId>();

afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(
    `abuse: authorization matrix — ${tally.requests} requests in ${tally.cells} cells on ${databaseIds.size} database(s), ${tally.refusals} refusals, database unchanged after every refusal; ${tally.successes} successes, each on fresh entries`,
  );
});

describeOnEachDatabase(
  'abuse: authorization matrix',
  // Every cell posts fresh questions and answers in its setup, far more than the
  // dialogue's rate limit (cityHallYear.dialogue.postsPerMinute, 10 by default) lets
  // one person post a minute: raised so that no cell is answered 429.
  { seed: true, config: { dialogue: { postsPerMinute: 100_000 } } },
  (ctx, databaseId) => {
    databaseIds.add(databaseId);

    const hr = (method: 'post' | 'put' | 'delete', path: string) =>
      callAs(ctx, 'hr')[method](path);

    /** A fresh entry, created by HR for the given owner (財政課 by default). */
    async function freshEntry(
      owner = FINANCE,
      overrides: Parameters<typeof entryBody>[1] = {},
    ): Promise<Entry> {
      const res = await hr('post', '/entries').send(
        entryBody(owner, overrides),
      );
      expect(res.status).toBe(201);
      return res.body;
    }

    async function hrUpdate(
      entry: Entry,
      changes: Parameters<typeof putBody>[1],
    ) {
      const res = await hr('put', `/entries/${entry.id}`).send(
        putBody(entry, changes),
      );
      expect(res.status).toBe(200);
      return res.body as Entry;
    }

    /** Someone else edits the entry: a version read before is stale now. */
    const editMeanwhile = async (entry: Entry) => {
      await hrUpdate(entry, { summary: { ja: '誰かが先に直した概要' } });
    };

    const courseBody = (slug: string): CourseInput => ({
      slug,
      title: { ja: '濫用試験の研修', en: 'Abuse test course' },
      audience: { ja: '試験' },
      steps: [{ entry: SEEDED_ENTRY, note: { ja: '最初に読む' } }],
    });

    /** Someone else edits the course: a version read before is stale now. */
    const editCourseMeanwhile = async (course: Course) => {
      const res = await hr('put', `/courses/${course.slug}`).send({
        ...courseBody(course.slug),
        audience: { ja: '誰かが先に直した対象' },
        version: course.version,
      });
      expect(res.status).toBe(200);
    };

    async function freshCourse(): Promise<Course> {
      const res = await hr('post', '/courses').send(
        courseBody(unique('abuse-course')),
      );
      expect(res.status).toBe(201);
      return res.body;
    }

    const questionBody = {
      title: '出納整理期間に前年度の支払いができるのはなぜ？',
      body: '4月なのに前年度の支払いをしていて、不思議に思いました。',
      anonymous: false,
    };

    /** A fresh question of the new hire on a fresh 財政課 entry. */
    async function freshQuestion(): Promise<Question> {
      const entry = await freshEntry();
      const res = await callAs(ctx, ASKER)
        .post(`/entries/${entry.id}/questions`)
        .send(questionBody);
      expect(res.status).toBe(201);
      return res.body;
    }

    /** A fresh question with one reply: an answer by 財政課 or another's comment. */
    async function freshReply(
      kind: 'answers' | 'comments',
    ): Promise<{ question: Question; reply: Answer }> {
      const question = await freshQuestion();
      const res = await callAs(ctx, kind === 'answers' ? ANSWERER : COMMENTER)
        .post(`/questions/${question.id}/${kind}`)
        .send({ body: '前年度末までに確定した債務の支払いができるからです。' });
      expect(res.status).toBe(201);
      return { question, reply: res.body };
    }

    /** A fresh answer by 財政課 (its author), by itself. */
    const freshAnswer = async () => (await freshReply('answers')).reply;

    /** Someone else (HR) rewords the question: a version read before is stale now. */
    const editQuestionMeanwhile = async (question: Question) => {
      const res = await hr('put', `/questions/${question.id}`).send({
        ...questionBody,
        title: '誰かが先に直した質問',
        version: question.version,
      });
      expect(res.status).toBe(200);
    };

    /** Someone else (HR) rewords the answer: a version read before is stale now. */
    const editAnswerMeanwhile = async (answer: Answer) => {
      const res = await hr('put', `/answers/${answer.id}`).send({
        body: '誰かが先に直した回答',
        version: answer.version,
      });
      expect(res.status).toBe(200);
    };

    /** HR deletes a question or a reply; the answer is it, deleted. */
    async function deletedByHr<T extends { id: string; version: number }>(
      kind: 'questions' | 'answers',
      item: T,
    ): Promise<T> {
      const res = await hr('delete', `/${kind}/${item.id}`).send({
        version: item.version,
      });
      expect(res.status).toBe(200);
      return res.body;
    }

    /** Brought back and deleted again by someone else (HR): the version is stale. */
    const restoredAndDeletedAgain =
      (kind: 'questions' | 'answers') =>
      async (item: { id: string; version: number }) => {
        const back = await hr('post', `/${kind}/${item.id}/restore`).send({
          version: item.version,
        });
        expect(back.status).toBe(200);
        await deletedByHr(kind, back.body);
      };

    const clarityBody = {
      clear: false,
      reasons: ['terms'],
      comment: '「債務負担行為」がわかりません。',
    };

    const faqBody = {
      question: '出納整理期間とは？',
      answer: '4月1日から5月31日までです。',
    };

    /** A fresh 財政課 entry with one FAQ item; the version is the entry's. */
    async function freshFaqItem() {
      const entry = await freshEntry();
      const res = await hr('post', `/entries/${entry.id}/faq`).send(faqBody);
      expect(res.status).toBe(201);
      return {
        entryId: entry.id,
        faqId: res.body.id,
        version: res.body.entryVersion,
      };
    }

    /** Someone else edits the entry the FAQ belongs to: its version is stale now. */
    const editFaqEntryMeanwhile = async (state: { entryId: string }) => {
      const entry = (await callAs(ctx, 'hr').get(`/entries/${state.entryId}`))
        .body as Entry;
      await editMeanwhile(entry);
    };

    /** The new hire's proposal to a fields of an entry, as the API takes it. */
    const proposalBody = (entry: Entry, owner?: string) => ({
      fields: {
        ...editableFields(entry),
        summary: { ja: '例年10月中旬から要求します。' },
        ...(owner ? { owner } : {}),
      },
      basedOnVersion: entry.version,
      reason: '日程が今年度と違っていました。',
    });

    /** A fresh proposal of the new hire on a fresh 財政課 entry. */
    async function freshProposal(): Promise<Proposal> {
      const entry = await freshEntry();
      const res = await callAs(ctx, 'newHire')
        .post(`/entries/${entry.id}/proposals`)
        .send(proposalBody(entry));
      expect(res.status).toBe(201);
      return res.body;
    }

    /** The proposer revises the proposal: a version of it read before is stale now. */
    const reviseProposalMeanwhile = async (proposal: Proposal) => {
      const res = await callAs(ctx, 'newHire')
        .put(`/proposals/${proposal.id}`)
        .send({
          fields: { ...proposal.fields, summary: { ja: '先に直した提案' } },
          basedOnVersion: proposal.basedOnVersion,
          reason: proposal.reason,
          version: proposal.version,
        });
      expect(res.status).toBe(200);
    };

    const ROUTES: Route[] = [
      {
        name: 'POST /entries',
        writes: true,
        setup: async () => undefined,
        send: (_state, p, call) =>
          call('post', '/entries').send(entryBody(p.owner ?? FINANCE)),
      },
      {
        name: 'PUT /entries/:id',
        writes: true,
        staleAfter: editMeanwhile,
        setup: () => freshEntry(),
        send: (entry: Entry, p, call) => {
          const { version: _version, ...fields } = putBody(entry, {
            title: { ja: '書き換えた題名' },
            ...(p.owner ? { owner: p.owner } : {}),
          });
          return call('put', `/entries/${entry.id}`).send({
            ...fields,
            ...versionOf(entry, p),
          });
        },
      },
      {
        name: 'DELETE /entries/:id',
        writes: true,
        staleAfter: editMeanwhile,
        setup: () => freshEntry(),
        send: (entry: Entry, p, call) =>
          call('delete', `/entries/${entry.id}`).send(versionOf(entry, p)),
      },
      {
        name: 'POST /entries/:id/undelete',
        writes: true,
        staleAfter: async (entry: Entry) => {
          // Brought back and deleted again by someone else.
          const back = await hr('post', `/entries/${entry.id}/undelete`).send({
            version: entry.version,
          });
          expect(back.status).toBe(200);
          const again = await hr('delete', `/entries/${entry.id}`).send({
            version: back.body.version,
          });
          expect(again.status).toBe(200);
        },
        setup: async () => {
          const entry = await freshEntry();
          const res = await hr('delete', `/entries/${entry.id}`).send({
            version: entry.version,
          });
          expect(res.status).toBe(200);
          return res.body;
        },
        send: (entry: Entry, p, call) =>
          call('post', `/entries/${entry.id}/undelete`).send(
            versionOf(entry, p),
          ),
      },
      {
        name: 'POST /entries/:id/confirm',
        writes: true,
        staleAfter: editMeanwhile,
        setup: () => freshEntry(),
        send: (entry: Entry, p, call) =>
          call('post', `/entries/${entry.id}/confirm`).send(
            versionOf(entry, p),
          ),
      },
      {
        name: 'POST /entries/:id/revisions/:n/restore',
        writes: true,
        staleAfter: editMeanwhile,
        setup: async p => {
          if (p.owner) {
            // Revision 1 belonged to another department; HR then gave the entry to
            // 財政課. Restoring revision 1 would give it away again.
            const entry = await freshEntry(p.owner);
            return hrUpdate(entry, { owner: FINANCE });
          }
          const entry = await freshEntry();
          return hrUpdate(entry, { summary: { ja: '人事課が書き換えた概要' } });
        },
        send: (entry: Entry, p, call) =>
          call('post', `/entries/${entry.id}/revisions/1/restore`).send(
            versionOf(entry, p),
          ),
      },
      {
        name: 'POST /import?dryRun=false',
        writes: true,
        setup: () => freshEntry(),
        send: (existing: Entry, p, call) => {
          const update = {
            ...editableFields(existing),
            summary: { ja: '取り込みで書き換えた概要' },
            ...(p.attack === 'reassign' ? { owner: p.owner } : {}),
          };
          const create = entryBody(
            p.attack === 'forged' || p.attack === 'deletedGroup'
              ? p.owner!
              : FINANCE,
          );
          return call('post', '/import?format=yaml&dryRun=false')
            .set('Content-Type', 'application/yaml')
            .send(stringifyYaml([update, create]));
        },
      },
      {
        name: 'POST /courses',
        writes: true,
        setup: async () => undefined,
        send: (_state, _p, call) =>
          call('post', '/courses').send(courseBody(unique('abuse-course'))),
      },
      {
        name: 'PUT /courses/:slug',
        writes: true,
        staleAfter: editCourseMeanwhile,
        setup: freshCourse,
        send: (course: Course, p, call) =>
          call('put', `/courses/${course.slug}`).send({
            ...courseBody(course.slug),
            title: { ja: '改題した研修' },
            ...versionOf(course, p),
          }),
      },
      {
        name: 'DELETE /courses/:slug',
        writes: true,
        staleAfter: editCourseMeanwhile,
        setup: freshCourse,
        send: (course: Course, p, call) =>
          call('delete', `/courses/${course.slug}`).send(versionOf(course, p)),
      },
      {
        name: 'POST /handover',
        writes: true,
        staleAfter: editMeanwhile,
        setup: () => freshEntry(),
        send: (entry: Entry, p, call) =>
          call('post', '/handover').send({
            moves: [
              {
                entry: entry.id,
                ...versionOf(entry, p),
                owner: p.owner ?? ACCOUNTING,
              },
            ],
          }),
      },
      {
        name: 'GET /handover',
        writes: false,
        setup: async () => undefined,
        send: (_state, _p, call) => call('get', '/handover'),
      },
      {
        name: 'PUT /courses/:slug/progress/:step',
        writes: true,
        setup: freshCourse,
        send: (course: Course, _p, call) =>
          call('put', `/courses/${course.slug}/progress/1`).send({
            done: true,
          }),
      },
      {
        name: 'GET /courses/:slug/progress/summary',
        writes: false,
        setup: freshCourse,
        send: (course: Course, _p, call) =>
          call('get', `/courses/${course.slug}/progress/summary`),
      },
      {
        name: 'GET /confirmations/:fy',
        writes: false,
        setup: async () => undefined,
        send: (_state, _p, call) =>
          call('get', `/confirmations/${resolveFiscalYear(new Date())}`),
      },
      {
        name: 'GET /entries/:id/revisions (draft)',
        writes: false,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('get', `/entries/${entry.id}/revisions`),
      },
      {
        name: 'POST /entries/:id/questions',
        writes: true,
        setup: () => freshEntry(),
        send: (entry: Entry, _p, call) =>
          call('post', `/entries/${entry.id}/questions`).send(questionBody),
      },
      {
        name: 'POST /entries/:id/questions (draft)',
        writes: true,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('post', `/entries/${entry.id}/questions`).send(questionBody),
      },
      {
        name: 'PUT /questions/:id',
        writes: true,
        staleAfter: editQuestionMeanwhile,
        setup: freshQuestion,
        send: (question: Question, p, call) =>
          call('put', `/questions/${question.id}`).send({
            ...questionBody,
            title: '言い直した質問',
            ...versionOf(question, p),
          }),
      },
      {
        name: 'DELETE /questions/:id',
        writes: true,
        staleAfter: editQuestionMeanwhile,
        setup: freshQuestion,
        send: (question: Question, p, call) =>
          call('delete', `/questions/${question.id}`).send(
            versionOf(question, p),
          ),
      },
      {
        name: 'POST /questions/:id/restore',
        writes: true,
        staleAfter: restoredAndDeletedAgain('questions'),
        setup: async () => deletedByHr('questions', await freshQuestion()),
        send: (question: Question, p, call) =>
          call('post', `/questions/${question.id}/restore`).send(
            versionOf(question, p),
          ),
      },
      {
        name: 'POST /questions/:id/answers',
        writes: true,
        setup: freshQuestion,
        send: (question: Question, _p, call) =>
          call('post', `/questions/${question.id}/answers`).send({
            body: '5月31日までの出納整理期間だからです。',
          }),
      },
      {
        name: 'POST /questions/:id/comments',
        writes: true,
        setup: freshQuestion,
        send: (question: Question, _p, call) =>
          call('post', `/questions/${question.id}/comments`).send({
            body: '私も知りたいです。',
          }),
      },
      {
        name: 'POST /questions/:id/resolve',
        writes: true,
        setup: () => freshReply('answers'),
        send: ({ question, reply }, _p, call) =>
          call('post', `/questions/${question.id}/resolve`).send({
            answerId: reply.id,
          }),
      },
      {
        name: 'POST /questions/:id/resolve (comment)',
        writes: true,
        setup: () => freshReply('comments'),
        send: ({ question, reply }, _p, call) =>
          call('post', `/questions/${question.id}/resolve`).send({
            answerId: reply.id,
          }),
      },
      {
        name: 'POST /questions/:id/me-too',
        writes: true,
        setup: freshQuestion,
        send: (question: Question, _p, call) =>
          call('post', `/questions/${question.id}/me-too`).send({}),
      },
      {
        name: 'DELETE /questions/:id/me-too',
        writes: true,
        setup: async p => {
          const question = await freshQuestion();
          // A mark to take back, for everyone who may have one.
          if (p.person && p.person !== ASKER) {
            const res = await callAs(ctx, p.person)
              .post(`/questions/${question.id}/me-too`)
              .send({});
            expect(res.status).toBe(200);
          }
          return question;
        },
        send: (question: Question, _p, call) =>
          call('delete', `/questions/${question.id}/me-too`).send({}),
      },
      {
        name: 'PUT /answers/:id',
        writes: true,
        staleAfter: editAnswerMeanwhile,
        setup: freshAnswer,
        send: (answer: Answer, p, call) =>
          call('put', `/answers/${answer.id}`).send({
            body: '書き直した回答',
            ...versionOf(answer, p),
          }),
      },
      {
        name: 'DELETE /answers/:id',
        writes: true,
        staleAfter: editAnswerMeanwhile,
        setup: freshAnswer,
        send: (answer: Answer, p, call) =>
          call('delete', `/answers/${answer.id}`).send(versionOf(answer, p)),
      },
      {
        name: 'POST /answers/:id/restore',
        writes: true,
        staleAfter: restoredAndDeletedAgain('answers'),
        setup: async () => deletedByHr('answers', await freshAnswer()),
        send: (answer: Answer, p, call) =>
          call('post', `/answers/${answer.id}/restore`).send(
            versionOf(answer, p),
          ),
      },
      {
        name: 'PUT /entries/:id/clarity',
        writes: true,
        setup: () => freshEntry(),
        send: (entry: Entry, _p, call) =>
          call('put', `/entries/${entry.id}/clarity`).send(clarityBody),
      },
      {
        name: 'PUT /entries/:id/clarity (draft)',
        writes: true,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('put', `/entries/${entry.id}/clarity`).send(clarityBody),
      },
      {
        name: 'GET /entries/:id/faq (draft)',
        writes: false,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('get', `/entries/${entry.id}/faq`),
      },
      {
        name: 'POST /entries/:id/faq',
        writes: true,
        setup: () => freshEntry(),
        send: (entry: Entry, _p, call) =>
          call('post', `/entries/${entry.id}/faq`).send(faqBody),
      },
      {
        name: 'POST /entries/:id/faq (draft)',
        writes: true,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('post', `/entries/${entry.id}/faq`).send(faqBody),
      },
      {
        name: 'PUT /entries/:id/faq/:faqId',
        writes: true,
        staleAfter: editFaqEntryMeanwhile,
        setup: () => freshFaqItem(),
        send: (state, p, call) =>
          call('put', `/entries/${state.entryId}/faq/${state.faqId}`).send({
            ...faqBody,
            answer: '言い直した答え',
            ...versionOf(state, p),
          }),
      },
      {
        name: 'POST /entries/:id/proposals',
        writes: true,
        setup: () => freshEntry(),
        send: (entry: Entry, p, call) =>
          call('post', `/entries/${entry.id}/proposals`).send(
            proposalBody(entry, p.owner),
          ),
      },
      {
        name: 'POST /entries/:id/proposals (draft)',
        writes: true,
        setup: () => freshEntry(FINANCE, { status: 'draft' }),
        send: (entry: Entry, _p, call) =>
          call('post', `/entries/${entry.id}/proposals`).send(
            proposalBody(entry),
          ),
      },
      {
        name: 'PUT /proposals/:id',
        writes: true,
        setup: () => freshProposal(),
        send: (proposal: Proposal, p, call) =>
          call('put', `/proposals/${proposal.id}`).send({
            fields: { ...proposal.fields, summary: { ja: '直した提案' } },
            basedOnVersion: proposal.basedOnVersion,
            reason: '言い直しました。',
            ...versionOf(proposal, p),
          }),
      },
      {
        name: 'POST /proposals/:id/withdraw',
        writes: true,
        setup: () => freshProposal(),
        send: (proposal: Proposal, p, call) =>
          call('post', `/proposals/${proposal.id}/withdraw`).send(
            versionOf(proposal, p),
          ),
      },
      ...(['accept', 'decline', 'request-changes'] as const).map(
        (action): Route => ({
          name: `POST /proposals/:id/${action}`,
          writes: true,
          staleAfter: reviseProposalMeanwhile,
          setup: () => freshProposal(),
          send: (proposal: Proposal, p, call) =>
            call('post', `/proposals/${proposal.id}/${action}`).send({
              ...(action === 'accept'
                ? {}
                : { comment: 'この書き方のままにします。' }),
              ...versionOf(proposal, p),
            }),
        }),
      ),
      ...([false, true] as const).map(
        (draft): Route => ({
          name: draft
            ? 'POST /entries/:id/ideas (draft)'
            : 'POST /entries/:id/ideas',
          writes: true,
          setup: () => freshEntry(FINANCE, draft ? { status: 'draft' } : {}),
          send: (entry: Entry, _p, call) =>
            call('post', `/entries/${entry.id}/ideas`).send({
              suggestion: 'stop',
              body: 'この照会はやめられませんか。',
            }),
        }),
      ),
      {
        name: 'PUT /ideas/:id/status',
        writes: true,
        setup: async () => {
          const entry = await freshEntry();
          const res = await callAs(ctx, 'newHire')
            .post(`/entries/${entry.id}/ideas`)
            .send({ body: 'この照会はやめられませんか。' });
          expect(res.status).toBe(201);
          return res.body;
        },
        send: (idea: { id: string; version: number }, p, call) =>
          call('put', `/ideas/${idea.id}/status`).send({
            status: 'considering',
            answer: '検討します。',
            ...versionOf(idea, p),
          }),
      },
      {
        name: 'DELETE /entries/:id/faq/:faqId',
        writes: true,
        staleAfter: editFaqEntryMeanwhile,
        setup: () => freshFaqItem(),
        send: (state, p, call) =>
          call('delete', `/entries/${state.entryId}/faq/${state.faqId}`).send(
            versionOf(state, p),
          ),
      },
    ];

    describe.each(ROUTES.map(route => [route.name, route] as const))(
      '%s',
      (_name, route) => {
        const cells = PERSONAS.map((persona, column) => ({
          persona,
          label: persona.id,
          expected: EXPECTED[route.name][column],
        })).filter(
          (cell): cell is typeof cell & { expected: number } =>
            cell.expected !== null,
        );

        it.each(cells)('$label → $expected', async ({ persona, expected }) => {
          tally.cells += 1;
          const state = await route.setup(persona);
          if (persona.attack === 'staleVersion') await route.staleAfter!(state);
          const call: Call = (method, path) =>
            callAs(ctx, persona.person)[method](path);
          const before = await snapshotDatabase(ctx.knex);
          const published = ctx.events.published.length;

          const res = await route.send(state, persona, call);
          tally.requests += 1;

          // The body is shown when the status is not the expected one.
          expect({
            status: res.status,
            body: res.status === expected ? undefined : res.body,
          }).toEqual({ status: expected, body: undefined });

          const refused = res.status >= 400;
          tally[refused ? 'refusals' : 'successes'] += 1;
          const after = await snapshotDatabase(ctx.knex);
          const mustChange = !refused && route.writes;
          // A refusal is explained in JSON.
          expect(refused ? typeof res.body?.error?.message : 'string').toBe(
            'string',
          );
          // After every refusal (and every read) the stored rows are exactly as
          // before, compared in full so that a failure shows the difference…
          expect(mustChange ? before : after).toEqual(before);
          // …and nobody was told of a change that did not happen.
          expect(refused ? ctx.events.published.length : published).toBe(
            published,
          );
          // A successful write did change them.
          expect(mustChange && isDeepStrictEqual(after, before)).toBe(false);
        });
      },
    );
  },
);
