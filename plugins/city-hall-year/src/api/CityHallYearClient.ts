import type {
  DiscoveryApi,
  FetchApi,
  IdentityApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
// Every request and response type is the common package's contract, which the
// namespace says at each use.
import type * as common from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  ImportRefusedError,
  type CityHallYearApi,
  type FeedSelection,
  type ImportRequest,
  type ListEntriesRequest,
} from './CityHallYearApi';

/** How long a fetched year answers repeated asks (a page render, not a session). */
const YEAR_REUSE_MS = 5_000;

const FILE_TYPES: Record<common.ImportExportFormat, string> = {
  yaml: 'application/yaml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

function queryString(request: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * {@link CityHallYearApi} over HTTP, with the signed-in user's token.
 *
 * @public
 */
export class CityHallYearClient implements CityHallYearApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly identityApi: IdentityApi;
  private readonly years = new Map<
    number,
    { at: number; view: Promise<common.YearView> }
  >();

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    identityApi: IdentityApi;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.identityApi = options.identityApi;
  }

  /**
   * The year page and its now-and-next panel ask for the same year at once; one
   * request serves both. Any write through this client forgets the answer.
   */
  getYear(fiscalYear: number): Promise<common.YearView> {
    const cached = this.years.get(fiscalYear);
    if (cached && Date.now() - cached.at < YEAR_REUSE_MS) {
      return cached.view;
    }
    const view = this.get<common.YearView>(
      `/years/${encodeURIComponent(String(fiscalYear))}`,
    );
    this.years.set(fiscalYear, { at: Date.now(), view });
    view.catch(() => this.years.delete(fiscalYear));
    return view;
  }

  getMyYear(fiscalYear: number): Promise<common.YearView> {
    return this.get(
      `/years/${encodeURIComponent(String(fiscalYear))}?mine=true`,
    );
  }

  listEntries(request: ListEntriesRequest = {}): Promise<common.EntryPage> {
    return this.get(`/entries${queryString(request)}`);
  }

  async exportEntries(
    format: common.ImportExportFormat,
    filters: Pick<ListEntriesRequest, 'cycle' | 'owner' | 'q'> = {},
  ): Promise<Blob> {
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/export${queryString({ format, ...filters })}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }

  /**
   * Sent with XMLHttpRequest rather than fetch, because only it reports upload
   * progress, which a file of thousands of rows needs.
   */
  async importEntries(request: ImportRequest): Promise<common.ImportReport> {
    this.years.clear();
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const { token } = await this.identityApi.getCredentials();
    const url = `${baseUrl}/import${queryString({
      format: request.format,
      dryRun: request.dryRun,
    })}`;
    const { status, body } = await new Promise<{
      status: number;
      body: string;
    }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', FILE_TYPES[request.format]);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = event =>
        request.onProgress?.({
          phase: 'uploading',
          loaded: event.loaded,
          total: event.total,
        });
      xhr.upload.onload = () => request.onProgress?.({ phase: 'checking' });
      xhr.onload = () =>
        resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(new Error(`Could not reach ${url}`));
      xhr.send(request.content);
    });
    const parsed = body ? JSON.parse(body) : undefined;
    if (status === 400 && parsed?.report) {
      throw new ImportRefusedError(
        parsed.error?.message ?? 'The import was refused',
        parsed.report,
      );
    }
    if (status < 200 || status >= 300) {
      throw await ResponseError.fromResponse(
        new Response(body, {
          status,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }
    return parsed as common.ImportReport;
  }

  getEntry(idOrSlug: string): Promise<common.Entry> {
    return this.get(`/entries/${encodeURIComponent(idOrSlug)}`);
  }

  createEntry(fields: common.EntryInput): Promise<common.Entry> {
    return this.send('POST', '/entries', fields);
  }

  updateEntry(
    id: string,
    fields: common.EntryInput,
    version: number,
  ): Promise<common.Entry> {
    return this.send('PUT', `/entries/${encodeURIComponent(id)}`, {
      ...fields,
      version,
    });
  }

  confirmEntry(id: string, version: number): Promise<common.Entry> {
    return this.send('POST', `/entries/${encodeURIComponent(id)}/confirm`, {
      version,
    });
  }

  async listRevisions(id: string): Promise<common.EntryRevisionSummary[]> {
    const { items } = await this.get<{ items: common.EntryRevisionSummary[] }>(
      `/entries/${encodeURIComponent(id)}/revisions`,
    );
    return items;
  }

  getRevision(id: string, revision: number): Promise<common.EntryRevision> {
    return this.get(
      `/entries/${encodeURIComponent(id)}/revisions/${encodeURIComponent(
        String(revision),
      )}`,
    );
  }

  restoreRevision(
    id: string,
    revision: number,
    version: number,
  ): Promise<common.Entry> {
    return this.send(
      'POST',
      `/entries/${encodeURIComponent(id)}/revisions/${encodeURIComponent(
        String(revision),
      )}/restore`,
      { version },
    );
  }

  async listCourses(): Promise<common.Course[]> {
    const { items } = await this.get<{ items: common.Course[] }>('/courses');
    return items;
  }

  getCourse(slug: string, fiscalYear?: number): Promise<common.CourseView> {
    return this.get(
      `/courses/${encodeURIComponent(slug)}${queryString({
        fy: fiscalYear,
      })}`,
    );
  }

  createCourse(fields: common.CourseInput): Promise<common.Course> {
    return this.send('POST', '/courses', fields);
  }

  updateCourse(
    slug: string,
    fields: common.CourseInput,
    version: number,
  ): Promise<common.Course> {
    return this.send('PUT', `/courses/${encodeURIComponent(slug)}`, {
      ...fields,
      version,
    });
  }

  async deleteCourse(slug: string, version: number): Promise<void> {
    await this.send('DELETE', `/courses/${encodeURIComponent(slug)}`, {
      version,
    });
  }

  async listEntryCourses(entrySlug: string): Promise<common.CourseBacklink[]> {
    const { items } = await this.get<{ items: common.CourseBacklink[] }>(
      `/entries/${encodeURIComponent(entrySlug)}/courses`,
    );
    return items;
  }

  async listMyCourseProgress(): Promise<common.CourseProgress[]> {
    const { items } = await this.get<common.MyCourseProgress>(
      '/course-progress',
    );
    return items;
  }

  getCourseProgress(slug: string): Promise<common.CourseProgress> {
    return this.get(`/courses/${encodeURIComponent(slug)}/progress`);
  }

  markCourseStep(
    slug: string,
    position: number,
    done: boolean,
  ): Promise<common.CourseProgress> {
    return this.send(
      'PUT',
      `/courses/${encodeURIComponent(slug)}/progress/${position}`,
      { done },
    );
  }

  getCourseProgressSummary(
    slug: string,
    fiscalYear?: number,
  ): Promise<common.CourseProgressSummary> {
    return this.get(
      `/courses/${encodeURIComponent(slug)}/progress/summary${queryString({
        fiscalYear,
      })}`,
    );
  }

  async listFeedTokens(): Promise<common.FeedToken[]> {
    const { items } = await this.get<{ items: common.FeedToken[] }>(
      '/feed-tokens',
    );
    return items;
  }

  createFeedToken(label: string): Promise<common.CreatedFeedToken> {
    return this.send('POST', '/feed-tokens', { label });
  }

  async revokeFeedToken(id: string): Promise<void> {
    await this.send('DELETE', `/feed-tokens/${encodeURIComponent(id)}`, {});
  }

  async feedUrl(token: string, selection: FeedSelection = {}): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    return `${baseUrl}/feeds/calendar.ics${queryString({
      token,
      ...selection,
    })}`;
  }

  getHandover(): Promise<common.HandoverReport> {
    return this.get('/handover');
  }

  async handOver(
    moves: Array<{ entry: string; version: number; owner: string }>,
  ): Promise<common.Entry[]> {
    const { items } = await this.send<{ items: common.Entry[] }>(
      'POST',
      '/handover',
      {
        moves,
      },
    );
    return items;
  }

  getConfirmations(fiscalYear: number): Promise<common.ConfirmationOverview> {
    return this.get(`/confirmations/${encodeURIComponent(String(fiscalYear))}`);
  }

  listEntryProposals(
    entrySlug: string,
    query: { status?: common.ProposalStatus } = {},
  ): Promise<common.ProposalList> {
    return this.get(
      `/entries/${encodeURIComponent(entrySlug)}/proposals${queryString(
        query,
      )}`,
    );
  }

  listProposals(query: common.ProposalListQuery): Promise<common.ProposalList> {
    return this.get(`/proposals${queryString(query)}`);
  }

  getProposal(proposalId: string): Promise<common.Proposal> {
    return this.get(`/proposals/${encodeURIComponent(proposalId)}`);
  }

  createProposal(
    entrySlug: string,
    input: common.ProposalInput,
  ): Promise<common.Proposal> {
    return this.send(
      'POST',
      `/entries/${encodeURIComponent(entrySlug)}/proposals`,
      input,
    );
  }

  reviseProposal(
    proposalId: string,
    input: common.ProposalInput,
    version: number,
  ): Promise<common.Proposal> {
    return this.send('PUT', `/proposals/${encodeURIComponent(proposalId)}`, {
      ...input,
      version,
    });
  }

  withdrawProposal(
    proposalId: string,
    version: number,
  ): Promise<common.Proposal> {
    return this.send(
      'POST',
      `/proposals/${encodeURIComponent(proposalId)}/withdraw`,
      { version },
    );
  }

  acceptProposal(
    proposalId: string,
    version: number,
    merge?: { fields: common.EntryInput; entryVersion: number },
  ): Promise<common.Proposal> {
    return this.send(
      'POST',
      `/proposals/${encodeURIComponent(proposalId)}/accept`,
      { version, ...merge },
    );
  }

  reviewProposal(
    proposalId: string,
    decision: 'decline' | 'request-changes',
    comment: string,
    version: number,
  ): Promise<common.Proposal> {
    return this.send(
      'POST',
      `/proposals/${encodeURIComponent(proposalId)}/${decision}`,
      { comment, version },
    );
  }

  listEntryIdeas(entrySlug: string): Promise<common.IdeaList> {
    return this.get(
      `/entries/${encodeURIComponent(entrySlug)}/ideas?limit=500`,
    );
  }

  submitIdea(entrySlug: string, input: common.IdeaInput): Promise<common.Idea> {
    return this.send(
      'POST',
      `/entries/${encodeURIComponent(entrySlug)}/ideas`,
      input,
    );
  }

  listIdeas(
    query: Omit<common.IdeaListQuery, 'format'>,
  ): Promise<common.IdeaList> {
    return this.get(`/ideas${queryString(query)}`);
  }

  async exportIdeas(
    query: Omit<common.IdeaListQuery, 'format'>,
  ): Promise<Blob> {
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/ideas${queryString({ ...query, format: 'csv' })}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }

  setIdeaStatus(
    ideaId: string,
    input: common.IdeaStatusInput,
  ): Promise<common.Idea> {
    return this.send(
      'PUT',
      `/ideas/${encodeURIComponent(ideaId)}/status`,
      input,
    );
  }

  getContentUpdates(): Promise<common.ContentUpdateList> {
    return this.get('/content-updates');
  }

  getChangesSince(): Promise<common.ChangesSince> {
    return this.get('/changes');
  }

  markSeen(at?: string): Promise<{ lastSeenAt: string }> {
    return this.send('POST', '/last-seen', at ? { at } : {});
  }

  listQuestions(
    entrySlug: string,
    query: common.QuestionListQuery = {},
  ): Promise<common.QuestionList> {
    return this.get(
      `/entries/${encodeURIComponent(entrySlug)}/questions${queryString(
        query,
      )}`,
    );
  }

  getQuestion(questionId: string): Promise<common.Question> {
    return this.get(`/questions/${encodeURIComponent(questionId)}`);
  }

  askQuestion(
    entrySlug: string,
    input: common.QuestionInput,
  ): Promise<common.Question> {
    return this.send(
      'POST',
      `/entries/${encodeURIComponent(entrySlug)}/questions`,
      input,
    );
  }

  replyToQuestion(
    questionId: string,
    kind: common.AnswerKind,
    body: string,
  ): Promise<common.Answer> {
    return this.send(
      'POST',
      `/questions/${encodeURIComponent(questionId)}/${kind}s`,
      { body },
    );
  }

  resolveQuestion(
    questionId: string,
    answerId: string,
  ): Promise<common.Question> {
    return this.send(
      'POST',
      `/questions/${encodeURIComponent(questionId)}/resolve`,
      { answerId },
    );
  }

  setMeToo(questionId: string, on: boolean): Promise<common.Question> {
    return this.send(
      on ? 'POST' : 'DELETE',
      `/questions/${encodeURIComponent(questionId)}/me-too`,
      {},
    );
  }

  deleteQuestion(
    questionId: string,
    version: number,
  ): Promise<common.Question> {
    return this.send('DELETE', `/questions/${encodeURIComponent(questionId)}`, {
      version,
    });
  }

  addFaqItem(
    entrySlug: string,
    input: common.FaqInput,
  ): Promise<common.FaqItemResult> {
    return this.send(
      'POST',
      `/entries/${encodeURIComponent(entrySlug)}/faq`,
      input,
    );
  }

  updateFaqItem(
    entrySlug: string,
    faqId: string,
    input: common.FaqInput,
    version: number,
  ): Promise<common.FaqItemResult> {
    return this.send(
      'PUT',
      `/entries/${encodeURIComponent(entrySlug)}/faq/${encodeURIComponent(
        faqId,
      )}`,
      { ...input, version },
    );
  }

  deleteFaqItem(
    entrySlug: string,
    faqId: string,
    version: number,
  ): Promise<common.FaqList> {
    return this.send(
      'DELETE',
      `/entries/${encodeURIComponent(entrySlug)}/faq/${encodeURIComponent(
        faqId,
      )}`,
      { version },
    );
  }

  getClarity(
    entrySlug: string,
    fiscalYear?: number,
  ): Promise<common.EntryClarity> {
    return this.get(
      `/entries/${encodeURIComponent(entrySlug)}/clarity${queryString({
        fiscalYear,
      })}`,
    );
  }

  answerClarity(
    entrySlug: string,
    input: common.ClarityInput,
  ): Promise<common.EntryClarity> {
    return this.send(
      'PUT',
      `/entries/${encodeURIComponent(entrySlug)}/clarity`,
      input,
    );
  }

  getClarityOverview(options: {
    owner?: string;
    fiscalYear?: number;
  }): Promise<common.ClarityOverview> {
    return this.get(`/clarity${queryString(options)}`);
  }

  private async send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
  ): Promise<T> {
    this.years.clear();
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
