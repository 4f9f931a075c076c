import {
  fiscalYearLabels,
  type ChangesSince,
  type YearOccurrence,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { CityHallYearApi } from '../api';

function occurrence(
  partial: Partial<YearOccurrence> &
    Pick<YearOccurrence, 'slug' | 'start' | 'end'>,
): YearOccurrence {
  return {
    precision: 'day',
    overridden: false,
    entryId: `id-${partial.slug}`,
    cycle: 'settlement',
    title: { ja: partial.slug, en: partial.slug },
    summary: { ja: '概要', en: 'Summary' },
    owner: 'group:default/kaikei-ka',
    concernsFiscalYear: 'current',
    concernedFiscalYear: Number(partial.start.slice(0, 4)),
    ...partial,
  };
}

/** A small year as the backend would give it, for component tests. */
export function fakeYear(fiscalYear: number): YearView {
  return {
    fiscalYear,
    labels: fiscalYearLabels(fiscalYear),
    occurrences: [
      occurrence({
        slug: 'teiki-jinji-ido',
        cycle: 'personnel',
        start: `${fiscalYear}-04-01`,
        end: `${fiscalYear}-04-01`,
        title: { ja: '定期人事異動', en: 'Regular transfers' },
        owner: 'group:default/jinji-ka',
        concernedFiscalYear: fiscalYear,
      }),
      occurrence({
        slug: 'shutsuno-heisa',
        start: `${fiscalYear}-05-31`,
        end: `${fiscalYear}-05-31`,
        title: { ja: '出納閉鎖', en: 'Books close' },
        concernsFiscalYear: 'previous',
        concernedFiscalYear: fiscalYear - 1,
      }),
      occurrence({
        slug: 'dai1kai-teireikai',
        cycle: 'council',
        precision: 'month-part',
        start: `${fiscalYear + 1}-02-11`,
        end: `${fiscalYear + 1}-03-20`,
        title: { ja: '第1回定例会', en: 'First regular session' },
        owner: 'group:default/giji-ka',
        concernsFiscalYear: 'next',
        concernedFiscalYear: fiscalYear + 1,
      }),
    ],
    asNeeded: [
      {
        entryId: 'id-rinjikai',
        slug: 'rinjikai',
        cycle: 'council',
        title: { ja: '臨時会', en: 'Extraordinary session' },
        summary: { ja: '必要に応じて招集されます。' },
        owner: 'group:default/giji-ka',
        concernsFiscalYear: 'current',
        concernedFiscalYear: fiscalYear,
      },
    ],
  };
}

/**
 * The personal year of a new hire of 市民協働課 in {@link fakeYear}: the transfers
 * (their first year) and the books closing (every section), not the council session.
 */
export function fakeMyYear(fiscalYear: number): YearView {
  const year = fakeYear(fiscalYear);
  const mine: Record<string, YearOccurrence['mine']> = {
    'teiki-jinji-ido': {
      reasons: ['firstYear'],
      notes: [
        {
          reason: 'firstYear',
          role: 'newHires',
          note: {
            ja: '辞令を受け取り、配属先へ向かいます。',
            en: 'You receive your appointment.',
          },
        },
      ],
    },
    'shutsuno-heisa': {
      reasons: ['section'],
      notes: [
        {
          reason: 'section',
          role: 'sections',
          note: {
            ja: '各課では：5月31日までに支払を終えます。',
            en: 'Each section: settles its payments by 31 May.',
          },
        },
      ],
    },
  };
  return {
    ...year,
    occurrences: year.occurrences
      .filter(o => mine[o.slug])
      .map(o => ({ ...o, mine: mine[o.slug] })),
    asNeeded: [],
    personal: {
      newHire: true,
      newHireCourse: 'shinki-saiyo-shiyakusho-no-ichinen',
    },
  };
}

/** A {@link CityHallYearApi} that answers from {@link fakeYear} and records the years asked for. */
export function createFakeApi(
  options: { changes?: ChangesSince } = {},
): CityHallYearApi & {
  requestedYears: number[];
  seen: string[];
} {
  const requestedYears: number[] = [];
  const seen: string[] = [];
  const notUsed = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    requestedYears,
    seen,
    async getChangesSince() {
      return options.changes ?? { changes: [] };
    },
    async markSeen(at) {
      const lastSeenAt = at ?? new Date().toISOString();
      seen.push(lastSeenAt);
      return { lastSeenAt };
    },
    listCourses: notUsed,
    getCourse: notUsed,
    createCourse: notUsed,
    updateCourse: notUsed,
    deleteCourse: notUsed,
    listEntryCourses: notUsed,
    async listMyCourseProgress() {
      return [];
    },
    getCourseProgress: notUsed,
    markCourseStep: notUsed,
    getCourseProgressSummary: notUsed,
    getQuestion: notUsed,
    async listQuestions() {
      return {
        items: [],
        totalCount: 0,
        counts: { open: 0, resolved: 0 },
        abilities: { ask: true, answer: false, moderate: false },
      };
    },
    askQuestion: notUsed,
    replyToQuestion: notUsed,
    resolveQuestion: notUsed,
    setMeToo: notUsed,
    deleteQuestion: notUsed,
    addFaqItem: notUsed,
    updateFaqItem: notUsed,
    deleteFaqItem: notUsed,
    async getClarity(entrySlug) {
      return {
        entrySlug,
        fiscalYear: 2026,
        counts: { readers: 0, unclear: 0 },
        months: [],
      };
    },
    answerClarity: notUsed,
    async getClarityOverview({ fiscalYear = 2026 }) {
      const none = {
        entries: 0,
        counts: { readers: 0, unclear: 0 },
        months: [],
      };
      return {
        fiscalYear,
        items: [],
        months: [],
        breakdown: {
          cycles: [],
          owners: [],
          courses: [],
          audiences: { everyone: none, newStaff: none },
        },
      };
    },
    listFeedTokens: notUsed,
    createFeedToken: notUsed,
    revokeFeedToken: notUsed,
    feedUrl: notUsed,
    getHandover: notUsed,
    handOver: notUsed,
    getConfirmations: notUsed,
    async getContentUpdates() {
      return { items: [] };
    },
    async listEntryProposals() {
      return {
        items: [],
        totalCount: 0,
        counts: {
          open: 0,
          changesRequested: 0,
          accepted: 0,
          declined: 0,
          withdrawn: 0,
        },
        abilities: { propose: true, review: false },
      };
    },
    async listProposals() {
      return {
        items: [],
        totalCount: 0,
        counts: {
          open: 0,
          changesRequested: 0,
          accepted: 0,
          declined: 0,
          withdrawn: 0,
        },
      };
    },
    async listEntryIdeas() {
      return {
        items: [],
        totalCount: 0,
        counts: { received: 0, considering: 0, adopted: 0, declined: 0 },
        abilities: { submit: true, answer: false },
      };
    },
    async listIdeas() {
      return {
        items: [],
        totalCount: 0,
        counts: { received: 0, considering: 0, adopted: 0, declined: 0 },
        byOwner: [],
        abilities: { submit: false, answer: false },
      };
    },
    submitIdea: notUsed,
    exportIdeas: notUsed,
    setIdeaStatus: notUsed,
    getProposal: notUsed,
    createProposal: notUsed,
    reviseProposal: notUsed,
    withdrawProposal: notUsed,
    acceptProposal: notUsed,
    reviewProposal: notUsed,
    async getYear(fiscalYear) {
      requestedYears.push(fiscalYear);
      return fakeYear(fiscalYear);
    },
    async getMyYear(fiscalYear) {
      requestedYears.push(fiscalYear);
      return fakeMyYear(fiscalYear);
    },
    async listEntries() {
      throw new Error('not used');
    },
    async getEntry() {
      throw new Error('not used');
    },
    async createEntry() {
      throw new Error('not used');
    },
    async updateEntry() {
      throw new Error('not used');
    },
    async confirmEntry() {
      throw new Error('not used');
    },
    async listRevisions() {
      throw new Error('not used');
    },
    async getRevision() {
      throw new Error('not used');
    },
    async restoreRevision() {
      throw new Error('not used');
    },
    async exportEntries() {
      throw new Error('not used');
    },
    async importEntries() {
      throw new Error('not used');
    },
  };
}
