import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  IDEA_STATUSES,
  ideaAnswerPermission,
  zeroCounts,
  ideaCreatePermission,
  type Entry,
  type Idea,
  type IdeaList,
  type IdeaStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { EntryFilter, EntryStore } from '../database/EntryStore';
import type { IdeaFields, IdeaStore, StoredIdea } from '../database/IdeaStore';
import { audited } from './audited';
import type { CatalogNames } from './CatalogNames';
import type { CallContext } from './context';
import type { EntryAuthorizer } from './EntryAuthorizer';
import { notifyOnce } from './notify';
import { readableEntry } from './readableEntries';

/** What process-review ideas work with. */
export interface IdeaServiceDeps {
  ideas: IdeaStore;
  entries: EntryStore;
  authorizer: EntryAuthorizer;
  auditor: AuditorService;
  logger: LoggerService;
  names: Pick<CatalogNames, 'namesOf'>;
  /** The process-review office (`cityHallYear.reviewGroups`): told of every idea. */
  reviewGroups: string[];
  /** Absent when the app has no notifications backend. */
  notifications?: NotificationService;
  now?: () => Date;
}

type Page = { offset: number; limit: number };

/** Who looks at an idea, and whether they may see an anonymous author. */
interface Viewer {
  ref: string;
  reviewer: boolean;
}

const STATUS_JA: Record<IdeaStatus, string> = {
  received: '受付',
  considering: '検討中',
  adopted: '採用',
  declined: '見送り',
};

const SUGGESTION_JA = {
  simplify: '簡素化できる',
  change: 'やり方を変えられる',
  stop: 'やめられる',
} as const;

/**
 * Process-review ideas (業務見直しの提案), the mayor's "way to raise one's voice about
 * work that could be scrapped": anyone who reads an entry says its step could be
 * simpler, done differently or stopped, and why. The owner Group and the review office
 * are told; the review office gives each a status (受付・検討中・採用・見送り) and a
 * public answer that everyone reads on the entry. An author may stay unnamed to the
 * department and other readers; the review office always sees who wrote it.
 */
export class IdeaService {
  constructor(private readonly deps: IdeaServiceDeps) {}

  async listForEntry(
    entryIdOrSlug: string,
    page: Page & { status?: IdeaStatus },
    ctx: CallContext,
  ): Promise<IdeaList> {
    const entry = await readableEntry(
      this.deps,
      entryIdOrSlug,
      ctx.credentials,
    );
    const viewer = await this.viewer(ctx);
    const submit = (
      await this.deps.authorizer.allowedIds(
        ideaCreatePermission,
        [entry.id],
        ctx.credentials,
      )
    ).has(entry.id);
    const result = await this.deps.ideas.list(
      { entryId: entry.id, status: page.status },
      page,
    );
    return {
      items: result.items.map(i => this.view(i, entry, viewer)),
      totalCount: result.totalCount,
      counts: result.counts,
      abilities: {
        submit: submit && entry.status === 'published',
        answer: viewer.reviewer,
      },
    };
  }

  /** Ideas across the city on the entries the caller may read (filtered in SQL). */
  async list(
    query: Page & { owner?: string; status?: IdeaStatus },
    ctx: CallContext,
  ): Promise<IdeaList> {
    const viewer = await this.viewer(ctx);
    const scope = await this.deps.authorizer.readScope(ctx.credentials);
    const abilities = { submit: false, answer: viewer.reviewer };
    if (scope.kind === 'none') {
      return {
        items: [],
        totalCount: 0,
        counts: zeroCounts(IDEA_STATUSES),
        byOwner: [],
        abilities,
      };
    }
    const entries: EntryFilter = {
      ...(query.owner ? { owners: [query.owner] } : {}),
      ...(scope.kind === 'some' ? { permission: scope.criteria } : {}),
    };
    const [result, byOwner] = await Promise.all([
      this.deps.ideas.list({ entries, status: query.status }, query),
      // The counts per department are of every status, whatever the status filter.
      this.deps.ideas.countsByOwner({ entries }),
    ]);
    const found = await this.deps.entries.getEntriesByIds([
      ...new Set(result.items.map(i => i.entryId)),
    ]);
    const byId = new Map(
      found.filter((e): e is Entry => Boolean(e)).map(e => [e.id, e]),
    );
    return {
      items: result.items
        .filter(i => byId.has(i.entryId))
        .map(i => this.view(i, byId.get(i.entryId)!, viewer)),
      totalCount: result.totalCount,
      counts: result.counts,
      byOwner,
      abilities,
    };
  }

  /** {@link IdeaService.list} as CSV (UTF-8 with BOM, CRLF), with names, not references. */
  async csv(
    query: Page & { owner?: string; status?: IdeaStatus },
    ctx: CallContext,
  ): Promise<string> {
    const list = await this.list(query, ctx);
    const names = await this.deps.names.namesOf(
      list.items.flatMap(i => [i.owner, ...(i.author ? [i.author] : [])]),
    );
    const name = (ref?: string) => (ref ? names.get(ref) ?? ref : '');
    const rows = [
      [
        '受付日時',
        '項目',
        '担当課',
        '提案の種類',
        '内容',
        '提案者',
        '状況',
        '回答',
        '回答日時',
      ],
      ...list.items.map(i => [
        i.createdAt,
        i.entryTitle.ja,
        name(i.owner),
        SUGGESTION_JA[i.suggestion],
        i.body,
        i.author ? name(i.author) : '匿名',
        STATUS_JA[i.status],
        i.answer ?? '',
        i.answeredAt ?? '',
      ]),
    ];
    return `\uFEFF${stringifyCsv(rows, {
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
    })}`;
  }

  async get(id: string, ctx: CallContext): Promise<Idea> {
    const { idea, entry } = await this.visible(id, ctx);
    return this.view(idea, entry, await this.viewer(ctx));
  }

  async submit(
    entryIdOrSlug: string,
    fields: IdeaFields,
    ctx: CallContext,
  ): Promise<Idea> {
    return audited(
      this.deps.auditor,
      {
        eventId: 'idea-create',
        ctx,
        meta: { entry: entryIdOrSlug },
        resultMeta: idea => ({ ideaId: idea.id }),
      },
      async () => {
        const entry = await readableEntry(
          this.deps,
          entryIdOrSlug,
          ctx.credentials,
        );
        await this.deps.authorizer.assertAllowed(
          ideaCreatePermission,
          entry.id,
          ctx.credentials,
        );
        if (entry.status !== 'published') {
          throw new InputError(
            `Ideas are given on published entries; '${entry.slug}' is a ${entry.status}`,
          );
        }
        const stored = await this.deps.ideas.create(entry.id, fields, {
          actor: ctx.credentials.principal.userEntityRef,
          at: this.now(),
        });
        await this.notify(stored, entry, {
          recipients: [entry.owner, ...this.deps.reviewGroups],
          title: `業務見直しの提案が届きました：${
            entry.title.ja
          } / A process-review idea on ${entry.title.en ?? entry.title.ja}`,
        });
        return this.view(stored, entry, await this.viewer(ctx));
      },
    );
  }

  /** The review office's status and public answer. */
  async setStatus(
    id: string,
    update: { status: IdeaStatus; answer: string },
    version: number,
    ctx: CallContext,
  ): Promise<Idea> {
    return audited(
      this.deps.auditor,
      {
        eventId: 'idea-status',
        ctx,
        meta: { ideaId: id, status: update.status },
        resultMeta: idea => ({ ideaId: idea.id, version: idea.version }),
      },
      async () => {
        const { entry } = await this.visible(id, ctx);
        await this.deps.authorizer.assertBasic(
          ideaAnswerPermission,
          ctx.credentials,
        );
        const stored = await this.deps.ideas.setStatus(id, update, version, {
          actor: ctx.credentials.principal.userEntityRef,
          at: this.now(),
        });
        await this.notify(stored, entry, {
          recipients: [stored.author, entry.owner],
          title: `業務見直しの提案は「${
            STATUS_JA[update.status]
          }」になりました：${entry.title.ja} / Your process-review idea: ${
            update.status
          }`,
        });
        return this.view(stored, entry, await this.viewer(ctx));
      },
    );
  }

  private async visible(id: string, ctx: CallContext) {
    const idea = await this.deps.ideas.get(id);
    const entry = idea && (await this.deps.entries.getEntry(idea.entryId));
    if (
      !idea ||
      !entry ||
      !(await this.deps.authorizer.canRead(entry, ctx.credentials))
    ) {
      throw new NotFoundError(`No idea '${id}'`);
    }
    return { idea, entry };
  }

  private async viewer(ctx: CallContext): Promise<Viewer> {
    return {
      ref: ctx.credentials.principal.userEntityRef,
      reviewer: await this.deps.authorizer.has(
        ideaAnswerPermission,
        ctx.credentials,
      ),
    };
  }

  private view(idea: StoredIdea, entry: Entry, viewer: Viewer): Idea {
    const mine = idea.author === viewer.ref;
    const named = !idea.anonymous || mine || viewer.reviewer;
    return {
      id: idea.id,
      entryId: entry.id,
      entrySlug: entry.slug,
      entryTitle: entry.title,
      owner: entry.owner,
      suggestion: idea.suggestion,
      body: idea.body,
      anonymous: idea.anonymous,
      ...(named ? { author: idea.author } : {}),
      mine,
      status: idea.status,
      ...(idea.answer ? { answer: idea.answer } : {}),
      ...(idea.answeredBy ? { answeredBy: idea.answeredBy } : {}),
      ...(idea.answeredAt ? { answeredAt: idea.answeredAt } : {}),
      createdAt: idea.createdAt,
      updatedAt: idea.updatedAt,
      version: idea.version,
      abilities: { answer: viewer.reviewer },
    };
  }

  private async notify(
    idea: StoredIdea,
    entry: Entry,
    options: { recipients: string[]; title: string },
  ) {
    await notifyOnce(this.deps, {
      ...options,
      exclude: idea.answeredBy ?? idea.author,
      description: idea.body.slice(0, 200),
      link: `/city-hall-year/entries/${encodeURIComponent(entry.slug)}#idea-${
        idea.id
      }`,
      topic: 'city-hall-year-ideas',
      // One notification per idea, updated at each step.
      scope: `city-hall-year:idea:${idea.id}`,
      about: `idea ${idea.id} on ${entry.slug}`,
    });
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
