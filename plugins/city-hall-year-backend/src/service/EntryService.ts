import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  entryDeletePermission,
  editableFields,
  entryReassignPermission,
  entryUpdatePermission,
  resolveFiscalYear,
  type Entry,
  type EntryFields,
  type EntryRevision,
  type EntryRevisionSummary,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryChange } from '../database/EntryStore';
import { audited } from './audited';
import type { CallContext, EntryWriteDeps } from './context';
import { publishEntryChange } from './entryEvents';

/**
 * Changing the year: create, edit, delete and bring back entries, restore revisions and
 * confirm entries for the year. Identity comes only from the credentials; every change
 * is authorized, validated, written with its revision in one transaction, audited and
 * published.
 */
export class EntryService {
  constructor(private readonly deps: EntryWriteDeps) {}

  async create(fields: EntryFields, ctx: CallContext): Promise<Entry> {
    return this.audited(
      'entry-create',
      ctx,
      { slug: fields.slug },
      async () => {
        const actor = ctx.credentials.principal.userEntityRef;
        const at = this.now();
        await this.deps.authorizer.assertCanCreate(fields, ctx.credentials);
        await this.validate(fields, undefined, ctx);
        const entry = await this.deps.store.createEntry(fields, { actor, at });
        await this.publish('create', entry, ctx);
        return entry;
      },
    );
  }

  async update(
    id: string,
    fields: EntryFields,
    version: number,
    ctx: CallContext,
  ): Promise<Entry> {
    return this.audited('entry-update', ctx, { entryId: id }, async () => {
      const current = await this.live(id);
      await this.deps.authorizer.assertAllowed(
        entryUpdatePermission,
        current.id,
        ctx.credentials,
      );
      if (fields.slug !== current.slug) {
        throw new InputError(
          `slug: a permalink never changes (is '${current.slug}')`,
        );
      }
      await this.assertOwnerChangeAllowed(current, fields.owner, ctx);
      await this.validate(fields, current, ctx);
      const entry = await this.deps.store.updateEntry(
        current.id,
        fields,
        this.change(ctx, 'update', version),
      );
      await this.publish('update', entry, ctx, current.owner);
      return entry;
    });
  }

  async remove(id: string, version: number, ctx: CallContext): Promise<Entry> {
    return this.audited('entry-delete', ctx, { entryId: id }, async () => {
      const current = await this.live(id);
      await this.deps.authorizer.assertAllowed(
        entryDeletePermission,
        current.id,
        ctx.credentials,
      );
      const entry = await this.deps.store.deleteEntry(
        current.id,
        this.change(ctx, 'delete', version),
      );
      await this.publish('delete', entry, ctx);
      return entry;
    });
  }

  async undelete(
    id: string,
    version: number,
    ctx: CallContext,
  ): Promise<Entry> {
    return this.audited('entry-undelete', ctx, { entryId: id }, async () => {
      const deleted = await this.deps.store.getDeletedEntry(id);
      if (!deleted) {
        throw new NotFoundError(`No deleted entry '${id}'`);
      }
      await this.deps.authorizer.assertAllowed(
        entryDeletePermission,
        deleted.id,
        ctx.credentials,
      );
      const entry = await this.deps.store.undeleteEntry(
        deleted.id,
        this.change(ctx, 'undelete', version),
      );
      await this.publish('undelete', entry, ctx);
      return entry;
    });
  }

  async restore(
    id: string,
    revision: number,
    version: number,
    ctx: CallContext,
  ): Promise<Entry> {
    return this.audited(
      'entry-restore',
      ctx,
      { entryId: id, revision },
      async () => {
        const current = await this.live(id);
        await this.deps.authorizer.assertAllowed(
          entryUpdatePermission,
          current.id,
          ctx.credentials,
        );
        const old = await this.deps.store.getRevision(current.id, revision);
        if (!old) {
          throw new NotFoundError(
            `Entry '${current.slug}' has no revision ${revision}`,
          );
        }
        // Only the editable fields come back; who and when are this restore's own.
        const fields = editableFields(old.entry);
        await this.assertOwnerChangeAllowed(current, fields.owner, ctx);
        await this.validate(fields, current, ctx);
        const entry = await this.deps.store.updateEntry(current.id, fields, {
          ...this.change(ctx, 'restore', version),
          restoredFrom: revision,
        });
        await this.publish('restore', entry, ctx, current.owner);
        return entry;
      },
    );
  }

  async confirm(id: string, version: number, ctx: CallContext): Promise<Entry> {
    return this.audited('entry-confirm', ctx, { entryId: id }, async () => {
      const current = await this.live(id);
      await this.deps.authorizer.assertAllowed(
        entryUpdatePermission,
        current.id,
        ctx.credentials,
      );
      const entry = await this.deps.store.confirmEntry(
        current.id,
        resolveFiscalYear(this.now()),
        this.change(ctx, 'confirm', version),
      );
      await this.publish('confirm', entry, ctx);
      return entry;
    });
  }

  /**
   * A change that another service works out from the entry's current state (its FAQ):
   * read as the caller may read it, authorized as an edit, written as one revision
   * with its own action against `version` (or the state just read), audited as
   * `eventId` and published. `edit` runs once authorized, so that its refusals (400)
   * never tell a caller who may not edit more than 403 does.
   */
  async amend(
    idOrSlug: string,
    change: {
      eventId: string;
      action: EntryChange['action'];
      version?: number;
    },
    ctx: CallContext,
    edit: (current: Entry) => Promise<EntryFields>,
  ): Promise<Entry> {
    return this.audited(
      change.eventId,
      ctx,
      { entryId: idOrSlug },
      async () => {
        const current = await this.readable(idOrSlug, ctx);
        await this.deps.authorizer.assertAllowed(
          entryUpdatePermission,
          current.id,
          ctx.credentials,
        );
        const entry = await this.deps.store.updateEntry(
          current.id,
          await edit(current),
          this.change(ctx, change.action, change.version ?? current.version),
        );
        await this.publish(change.action, entry, ctx);
        return entry;
      },
    );
  }

  async listRevisions(
    id: string,
    ctx: CallContext,
  ): Promise<EntryRevisionSummary[]> {
    const entry = await this.readable(id, ctx);
    return this.deps.store.listRevisions(entry.id);
  }

  async getRevision(
    id: string,
    revision: number,
    ctx: CallContext,
  ): Promise<EntryRevision> {
    const entry = await this.readable(id, ctx);
    const found = await this.deps.store.getRevision(entry.id, revision);
    if (!found) {
      throw new NotFoundError(
        `Entry '${entry.slug}' has no revision ${revision}`,
      );
    }
    return found;
  }

  private async readable(id: string, ctx: CallContext): Promise<Entry> {
    const entry = await this.live(id);
    if (!(await this.deps.authorizer.canRead(entry, ctx.credentials))) {
      // Not revealing that a draft exists to someone who may not read it.
      throw new NotFoundError(`No entry '${id}'`);
    }
    return entry;
  }

  private async live(idOrSlug: string): Promise<Entry> {
    const entry = await this.deps.store.getEntry(idOrSlug);
    if (!entry) {
      throw new NotFoundError(`No entry '${idOrSlug}'`);
    }
    return entry;
  }

  private async assertOwnerChangeAllowed(
    current: Entry,
    owner: string,
    ctx: CallContext,
  ) {
    if (owner === current.owner) return;
    try {
      await this.deps.authorizer.assertBasic(
        entryReassignPermission,
        ctx.credentials,
      );
    } catch (error) {
      // Only the refusal is explained; a permission backend that failed stays an error.
      if (!(error instanceof NotAllowedError)) throw error;
      throw new NotAllowedError(
        `Only HR editors may give an entry to another department (${current.owner} → ${owner})`,
      );
    }
  }

  /**
   * Checks what the schema cannot (Groups in the catalog, chains to live entries,
   * timings that resolve); see {@link EntryValidator}. Also for what a change proposal
   * would write.
   */
  async validate(
    fields: EntryFields,
    current: Entry | undefined,
    ctx: CallContext,
  ) {
    const participating = participantGroups(fields);
    const missing = await this.deps.validator.missingGroups(
      [fields.owner, ...fields.relatedGroups, ...participating],
      ctx.credentials,
    );
    if (missing.size) {
      let field = 'participants';
      if (missing.has(fields.owner)) field = 'owner';
      else if (fields.relatedGroups.some(g => missing.has(g))) {
        field = 'relatedGroups';
      }
      throw new InputError(
        `${field}: not a Group in the catalog: ${[...missing].join(', ')}`,
      );
    }
    const live = (await this.deps.store.listAllEntries({})).filter(
      e => e.id !== current?.id,
    );
    const [first] =
      this.deps.validator
        .linkAndTimingErrors([fields], live, this.now())
        .get(fields.slug) ?? [];
    if (first) {
      throw new InputError(first.message);
    }
  }

  private audited(
    eventId: string,
    ctx: CallContext,
    meta: Record<string, string | number>,
    change: () => Promise<Entry>,
  ): Promise<Entry> {
    return audited(
      this.deps.auditor,
      {
        eventId,
        ctx,
        meta,
        resultMeta: entry => ({
          entryId: entry.id,
          slug: entry.slug,
          version: entry.version,
        }),
      },
      change,
    );
  }

  private async publish(
    action: EntryChange['action'],
    entry: Entry,
    ctx: CallContext,
    previousOwner?: string,
  ) {
    await publishEntryChange(this.deps, {
      action,
      entry,
      actor: ctx.credentials.principal.userEntityRef,
      previousOwner,
    });
  }

  /** Who changes what, when, from which version: from the caller's credentials only. */
  private change(
    ctx: CallContext,
    action: EntryChange['action'],
    expectedVersion: number,
  ): EntryChange {
    return {
      actor: ctx.credentials.principal.userEntityRef,
      at: this.now(),
      expectedVersion,
      action,
    };
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

/** The Groups an entry names among who takes part. */
export function participantGroups(fields: Pick<EntryFields, 'participants'>) {
  return (fields.participants ?? []).flatMap(p =>
    'group' in p ? [p.group] : [],
  );
}
