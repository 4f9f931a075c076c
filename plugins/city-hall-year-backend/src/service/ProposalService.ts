import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  changedFields,
  editableFields,
  isProposalPending,
  PROPOSAL_STATUSES,
  zeroCounts,
  proposalCreatePermission,
  proposalReviewPermission,
  sameFieldValue,
  type Entry,
  type EntryFields,
  type Proposal,
  type ProposalAcceptInput,
  type ProposalList,
  type ProposalStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryFilter } from '../database/EntryStore';
import type {
  ProposalFields,
  ProposalStore,
  StoredProposal,
} from '../database/ProposalStore';
import { audited } from './audited';
import type { CallContext, EntryWriteDeps } from './context';
import type { EntryService } from './EntryService';
import { publishEntryChange } from './entryEvents';
import { notifyOnce } from './notify';
import { readableEntry } from './readableEntries';

/** What change proposals work with. */
export interface ProposalServiceDeps extends EntryWriteDeps {
  proposals: ProposalStore;
  /** For the checks an edit gets: the proposal is checked as the edit it would be. */
  entryService: Pick<EntryService, 'validate'>;
  /** Absent when the app has no notifications backend. */
  notifications?: NotificationService;
}

/** The fields a proposal keeps as they are: it changes what an entry says, not whose it is. */
const FIXED_FIELDS = ['slug', 'owner', 'status'] as const;

type Page = { offset: number; limit: number };

/**
 * Change proposals (変更の提案): anyone who reads a published entry proposes a change
 * with a reason; the department that owns it (or HR) accepts it as a new revision that
 * credits the proposer, asks for changes, or declines it with a reason the proposer
 * reads. A proposal accepted after the entry changed meanwhile keeps the fields it did
 * not touch as they are now; fields both sides changed are for the reviewer to choose.
 */
export class ProposalService {
  constructor(private readonly deps: ProposalServiceDeps) {}

  async listForEntry(
    entryIdOrSlug: string,
    page: Page & { status?: ProposalStatus },
    ctx: CallContext,
  ): Promise<ProposalList> {
    const entry = await readableEntry(
      { entries: this.deps.store, authorizer: this.deps.authorizer },
      entryIdOrSlug,
      ctx.credentials,
    );
    const [propose, review] = await Promise.all(
      [proposalCreatePermission, proposalReviewPermission].map(async p =>
        (
          await this.deps.authorizer.allowedIds(p, [entry.id], ctx.credentials)
        ).has(entry.id),
      ),
    );
    const result = await this.deps.proposals.list(
      { entryId: entry.id, status: page.status },
      page,
    );
    return {
      items: await this.views(result.items, ctx),
      totalCount: result.totalCount,
      counts: result.counts,
      abilities: { propose: propose && entry.status === 'published', review },
    };
  }

  /**
   * Proposals across the city: of the entries a Group owns (`owner`), the caller's own
   * (`mine`), in a status; only on entries the caller may read, filtered in SQL.
   */
  async list(
    query: Page & { owner?: string; status?: ProposalStatus; mine?: boolean },
    ctx: CallContext,
  ): Promise<ProposalList> {
    const scope = await this.deps.authorizer.readScope(ctx.credentials);
    const entries: EntryFilter = {
      ...(query.owner ? { owners: [query.owner] } : {}),
      ...(scope.kind === 'some' ? { permission: scope.criteria } : {}),
    };
    if (scope.kind === 'none') {
      return {
        items: [],
        totalCount: 0,
        counts: zeroCounts(PROPOSAL_STATUSES),
      };
    }
    const result = await this.deps.proposals.list(
      {
        entries,
        status: query.status,
        ...(query.mine
          ? { proposedBy: ctx.credentials.principal.userEntityRef }
          : {}),
      },
      query,
    );
    return {
      items: await this.views(result.items, ctx),
      totalCount: result.totalCount,
      counts: result.counts,
    };
  }

  async get(id: string, ctx: CallContext): Promise<Proposal> {
    const { proposal } = await this.visible(id, ctx);
    const [view] = await this.views([proposal], ctx);
    return view;
  }

  async create(
    entryIdOrSlug: string,
    input: ProposalFields,
    ctx: CallContext,
  ): Promise<Proposal> {
    return this.audited(
      'proposal-create',
      ctx,
      { entry: entryIdOrSlug },
      async () => {
        const entry = await readableEntry(
          { entries: this.deps.store, authorizer: this.deps.authorizer },
          entryIdOrSlug,
          ctx.credentials,
        );
        await this.deps.authorizer.assertAllowed(
          proposalCreatePermission,
          entry.id,
          ctx.credentials,
        );
        if (entry.status !== 'published') {
          throw new InputError(
            `Changes are proposed to published entries; '${entry.slug}' is a ${entry.status}`,
          );
        }
        await this.check(entry, input, ctx);
        const stored = await this.deps.proposals.create(entry.id, input, {
          actor: this.actor(ctx),
          at: this.now(),
        });
        await this.notify(stored, entry, {
          recipients: [entry.owner],
          exclude: this.actor(ctx),
          title: `変更の提案が届きました：${
            entry.title.ja
          } / A change was proposed to ${entry.title.en ?? entry.title.ja}`,
        });
        const [view] = await this.views([stored], ctx);
        return view;
      },
    );
  }

  /** The proposer rewrites a proposal still waiting, or one sent back for changes. */
  async revise(
    id: string,
    input: ProposalFields,
    version: number,
    ctx: CallContext,
  ): Promise<Proposal> {
    return this.audited(
      'proposal-revise',
      ctx,
      { proposalId: id },
      async () => {
        const { proposal, entry } = await this.visible(id, ctx);
        this.assertProposer(proposal, ctx);
        await this.check(entry, input, ctx);
        const stored = await this.deps.proposals.transition(
          id,
          {
            expectedVersion: version,
            from: ['open', 'changesRequested'],
            status: 'open',
            kind: 'revised',
            revised: input,
          },
          { actor: this.actor(ctx), at: this.now() },
        );
        await this.notify(stored, entry, {
          recipients: [entry.owner],
          exclude: this.actor(ctx),
          title: `変更の提案が修正されました：${entry.title.ja} / A proposal was revised`,
        });
        const [view] = await this.views([stored], ctx);
        return view;
      },
    );
  }

  /** The proposer takes back a proposal nobody settled yet. */
  async withdraw(
    id: string,
    version: number,
    ctx: CallContext,
  ): Promise<Proposal> {
    return this.audited(
      'proposal-withdraw',
      ctx,
      { proposalId: id },
      async () => {
        const { proposal } = await this.visible(id, ctx);
        this.assertProposer(proposal, ctx);
        const stored = await this.deps.proposals.transition(
          id,
          {
            expectedVersion: version,
            from: ['open', 'changesRequested'],
            status: 'withdrawn',
            kind: 'withdrawn',
          },
          { actor: this.actor(ctx), at: this.now() },
        );
        const [view] = await this.views([stored], ctx);
        return view;
      },
    );
  }

  /** The owners send a proposal back with a comment, or decline it with a reason. */
  async review(
    id: string,
    decision: 'changesRequested' | 'declined',
    body: { comment: string; version?: number },
    ctx: CallContext,
  ): Promise<Proposal> {
    const eventId =
      decision === 'declined' ? 'proposal-decline' : 'proposal-request-changes';
    return this.audited(eventId, ctx, { proposalId: id }, async () => {
      const { entry } = await this.reviewable(id, ctx);
      const stored = await this.deps.proposals.transition(
        id,
        {
          expectedVersion: body.version,
          from:
            decision === 'declined' ? ['open', 'changesRequested'] : ['open'],
          status: decision,
          kind: decision,
          comment: body.comment,
        },
        { actor: this.actor(ctx), at: this.now() },
      );
      await this.notify(stored, entry, {
        recipients: [stored.proposedBy],
        exclude: this.actor(ctx),
        title:
          decision === 'declined'
            ? `変更の提案は見送られました：${entry.title.ja} / Your proposal was declined`
            : `変更の提案に修正の依頼がありました：${entry.title.ja} / Changes were requested on your proposal`,
      });
      const [view] = await this.views([stored], ctx);
      return view;
    });
  }

  /**
   * The owners accept a proposal: a new revision of the entry, credited to the
   * proposer. Without a chosen merge, the proposal's changes go over the entry as it is
   * now; a field the entry also changed meanwhile, to something else, is a 409 that
   * names it, for the reviewer to choose and send `fields` over `entryVersion`.
   */
  async accept(
    id: string,
    body: ProposalAcceptInput,
    ctx: CallContext,
  ): Promise<Proposal> {
    return this.audited(
      'proposal-accept',
      ctx,
      { proposalId: id },
      async () => {
        const { proposal, entry } = await this.reviewable(id, ctx);
        if (!isProposalPending(proposal.status)) {
          throw new ConflictError(
            `Proposal '${id}' is already ${proposal.status}`,
          );
        }
        const current = editableFields(entry);
        let fields: EntryFields;
        if (body.fields) {
          if (body.entryVersion !== entry.version) {
            throw new ConflictError(
              `Entry '${entry.slug}' is at version ${entry.version}, not ${body.entryVersion}: it was changed meanwhile`,
            );
          }
          fields = body.fields as EntryFields;
          for (const field of FIXED_FIELDS) {
            if (!sameFieldValue(fields[field], current[field])) {
              throw new InputError(
                `fields.${field}: accepting a proposal keeps the entry's ${field} (${current[field]})`,
              );
            }
          }
        } else {
          const base = await this.baseOf(proposal, entry);
          const proposed = proposedChanges(base, proposal.fields);
          const conflicts = conflictsOf(base, proposal.fields, current);
          if (conflicts.length > 0) {
            throw new ConflictError(
              `The entry changed meanwhile in ${conflicts.join(
                ', ',
              )} too: choose what to keep and send fields with entryVersion ${
                entry.version
              }`,
            );
          }
          fields = { ...current };
          for (const field of proposed) {
            (fields as Record<string, unknown>)[field] = proposal.fields[field];
          }
        }
        await this.deps.entryService.validate(fields, entry, ctx);
        const actor = this.actor(ctx);
        const { proposal: stored, entry: updated } =
          await this.deps.proposals.accept(
            id,
            {
              expectedVersion: body.version,
              from: ['open', 'changesRequested'],
            },
            {
              entryId: entry.id,
              fields,
              change: {
                actor,
                at: this.now(),
                expectedVersion: entry.version,
                action: 'acceptProposal',
                proposedBy: proposal.proposedBy,
              },
            },
          );
        await publishEntryChange(this.deps, {
          action: 'acceptProposal',
          entry: updated,
          actor,
        });
        await this.notify(stored, updated, {
          recipients: [stored.proposedBy],
          exclude: actor,
          title: `変更の提案が採用されました：${updated.title.ja} / Your proposal was accepted`,
        });
        const [view] = await this.views([stored], ctx);
        return view;
      },
    );
  }

  /** Checks a proposal's fields as the edit they would be, against the entry now. */
  private async check(entry: Entry, input: ProposalFields, ctx: CallContext) {
    if (input.basedOnVersion > entry.version) {
      throw new InputError(
        `basedOnVersion: entry '${entry.slug}' is at version ${entry.version}`,
      );
    }
    const base = await this.deps.store.getRevision(
      entry.id,
      input.basedOnVersion,
    );
    if (!base) {
      throw new InputError(
        `basedOnVersion: entry '${entry.slug}' has no version ${input.basedOnVersion}`,
      );
    }
    for (const field of FIXED_FIELDS) {
      if (!sameFieldValue(input.fields[field], entry[field])) {
        throw new InputError(
          `fields.${field}: a proposal keeps the entry's ${field} (${entry[field]})`,
        );
      }
    }
    if (
      proposedChanges(editableFields(base.entry), input.fields).length === 0
    ) {
      throw new InputError('fields: the proposal changes nothing');
    }
    await this.deps.entryService.validate(input.fields, entry, ctx);
  }

  private async baseOf(
    proposal: StoredProposal,
    entry: Entry,
  ): Promise<EntryFields> {
    const revision = await this.deps.store.getRevision(
      entry.id,
      proposal.basedOnVersion,
    );
    return revision ? editableFields(revision.entry) : editableFields(entry);
  }

  /** A proposal on an entry the caller may read; "not found" otherwise. */
  private async visible(id: string, ctx: CallContext) {
    const proposal = await this.deps.proposals.get(id);
    const entry =
      proposal && (await this.deps.store.getEntry(proposal.entryId));
    if (
      !proposal ||
      !entry ||
      !(await this.deps.authorizer.canRead(entry, ctx.credentials))
    ) {
      throw new NotFoundError(`No proposal '${id}'`);
    }
    return { proposal, entry };
  }

  private async reviewable(id: string, ctx: CallContext) {
    const found = await this.visible(id, ctx);
    await this.deps.authorizer.assertAllowed(
      proposalReviewPermission,
      found.entry.id,
      ctx.credentials,
    );
    return found;
  }

  private assertProposer(proposal: StoredProposal, ctx: CallContext) {
    if (proposal.proposedBy !== this.actor(ctx)) {
      throw new NotAllowedError(
        'Only the proposer may revise or withdraw a proposal',
      );
    }
  }

  /** The API's view of stored proposals: with their entry, base, conflicts and the caller's abilities. */
  private async views(
    stored: StoredProposal[],
    ctx: CallContext,
  ): Promise<Proposal[]> {
    const entries = await this.deps.store.getEntriesByIds([
      ...new Set(stored.map(p => p.entryId)),
    ]);
    const byId = new Map(
      entries.filter((e): e is Entry => Boolean(e)).map(e => [e.id, e]),
    );
    const reviewable = await this.deps.authorizer.allowedIds(
      proposalReviewPermission,
      [...byId.keys()],
      ctx.credentials,
    );
    const me = this.actor(ctx);
    const result: Proposal[] = [];
    for (const proposal of stored) {
      const entry = byId.get(proposal.entryId);
      if (!entry) continue;
      const base = await this.baseOf(proposal, entry);
      const pending = isProposalPending(proposal.status);
      result.push({
        id: proposal.id,
        entryId: entry.id,
        entrySlug: entry.slug,
        entryTitle: entry.title,
        owner: entry.owner,
        status: proposal.status,
        fields: proposal.fields,
        basedOnVersion: proposal.basedOnVersion,
        base,
        changedFields: proposedChanges(base, proposal.fields),
        entryVersion: entry.version,
        conflicts: pending
          ? conflictsOf(base, proposal.fields, editableFields(entry))
          : [],
        reason: proposal.reason,
        proposedBy: proposal.proposedBy,
        createdAt: proposal.createdAt,
        updatedAt: proposal.updatedAt,
        version: proposal.version,
        ...(proposal.acceptedRevision
          ? { acceptedRevision: proposal.acceptedRevision }
          : {}),
        events: proposal.events,
        abilities: {
          review: pending && reviewable.has(entry.id),
          revise: pending && proposal.proposedBy === me,
        },
      });
    }
    return result;
  }

  private async notify(
    proposal: StoredProposal,
    entry: Entry,
    options: { recipients: string[]; exclude: string; title: string },
  ) {
    await notifyOnce(this.deps, {
      ...options,
      description: proposal.reason,
      link: `/city-hall-year/proposals/${encodeURIComponent(proposal.id)}`,
      topic: 'city-hall-year-proposals',
      // One notification per proposal, updated at each step.
      scope: `city-hall-year:proposal:${proposal.id}`,
      about: `proposal ${proposal.id} on ${entry.slug}`,
    });
  }

  private audited<T extends { id: string }>(
    eventId: string,
    ctx: CallContext,
    meta: Record<string, string>,
    change: () => Promise<T>,
  ): Promise<T> {
    return audited(
      this.deps.auditor,
      { eventId, ctx, meta, resultMeta: result => ({ proposalId: result.id }) },
      change,
    );
  }

  private actor(ctx: CallContext): string {
    return ctx.credentials.principal.userEntityRef;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

/** The fields a proposal changes against the version it started from. */
function proposedChanges(
  base: EntryFields,
  proposed: EntryFields,
): Array<keyof EntryFields & string> {
  return changedFields(base, proposed).filter(
    f => !(FIXED_FIELDS as readonly string[]).includes(f),
  );
}

/** Fields the proposal changes that the entry also changed since, to something else. */
function conflictsOf(
  base: EntryFields,
  proposed: EntryFields,
  current: EntryFields,
): Array<keyof EntryFields & string> {
  return proposedChanges(base, proposed).filter(
    field =>
      !sameFieldValue(current[field], base[field]) &&
      !sameFieldValue(current[field], proposed[field]),
  );
}
