import type { AuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  entryReassignPermission,
  overviewReadPermission,
  type ConfirmationOverview,
  type ContentUpdateList,
  type Entry,
  type HandoverReport,
  type OrphanedEntry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { CallContext, EntryWriteDeps } from './context';
import { audited } from './audited';
import { publishEntryChange } from './entryEvents';

/** Entries by their owner Group. */
function groupByOwner(entries: Entry[]): Map<string, Entry[]> {
  const byOwner = new Map<string, Entry[]>();
  for (const entry of entries) {
    const own = byOwner.get(entry.owner);
    if (own) own.push(entry);
    else byOwner.set(entry.owner, [entry]);
  }
  return byOwner;
}

/**
 * What HR looks after across departments: entries whose owner Group left the catalog
 * (April's reorganisation renames and merges groups) and how far each department has
 * confirmed its entries for the year.
 */
export class HandoverService {
  constructor(private readonly deps: EntryWriteDeps & { auth: AuthService }) {}

  /**
   * Live entries whose owner is not a Group in the catalog (or only an orphan left
   * behind by its source), by vanished owner. Asked with the plugin's own
   * credentials: a group hidden from one reader has not vanished.
   */
  async orphans(): Promise<Map<string, Entry[]>> {
    const entries = await this.deps.store.listAllEntries({});
    const vanished = await this.deps.validator.missingGroups(
      entries.map(e => e.owner),
      await this.deps.auth.getOwnServiceCredentials(),
      { orphansToo: true },
    );
    return groupByOwner(entries.filter(e => vanished.has(e.owner)));
  }

  /** The hand-over screen's report; for HR. */
  async report(ctx: Pick<CallContext, 'credentials'>): Promise<HandoverReport> {
    await this.deps.authorizer.assertBasic(
      overviewReadPermission,
      ctx.credentials,
    );
    const orphans = await this.orphans();
    return {
      checkedAt: this.now().toISOString(),
      orphans: [...orphans.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([owner, entries]) => ({
          owner,
          entries: entries.map(
            (e): OrphanedEntry => ({
              id: e.id,
              slug: e.slug,
              title: e.title,
              cycle: e.cycle,
              owner: e.owner,
              version: e.version,
            }),
          ),
        })),
    };
  }

  /**
   * Gives entries to new owner Groups, all in one transaction: a revision `reassign`
   * on each, an audit event and a change event per entry. Refused whole (nothing
   * written) when a new owner is not a Group or an entry changed meanwhile.
   */
  async reassign(
    moves: Array<{ entry: string; version: number; owner: string }>,
    ctx: CallContext,
  ): Promise<Entry[]> {
    const actor = ctx.credentials.principal.userEntityRef;
    return audited(
      this.deps.auditor,
      {
        eventId: 'entry-handover',
        ctx,
        meta: { count: moves.length },
        resultMeta: written => ({
          entries: written.map(e => e.slug).join(','),
        }),
      },
      async () => {
        await this.deps.authorizer.assertBasic(
          entryReassignPermission,
          ctx.credentials,
        );
        const normalized = moves.map(m => ({
          ...m,
          owner: m.owner.toLocaleLowerCase('en-US'),
        }));
        const missing = await this.deps.validator.missingGroups(
          normalized.map(m => m.owner),
          ctx.credentials,
        );
        normalized.forEach((move, i) => {
          if (missing.has(move.owner)) {
            throw new InputError(
              `moves.${i}.owner: not a Group in the catalog: ${move.owner}`,
            );
          }
        });
        const resolved = await Promise.all(
          normalized.map(async (move, i) => {
            const entry = await this.deps.store.getEntry(move.entry);
            if (!entry) {
              throw new NotFoundError(
                `moves.${i}.entry: no entry '${move.entry}'`,
              );
            }
            return {
              id: entry.id,
              expectedVersion: move.version,
              owner: move.owner,
              before: entry.owner,
            };
          }),
        );
        const written = await this.deps.store.reassignEntries(resolved, {
          actor,
          at: this.now().toISOString(),
        });
        for (const [i, entry] of written.entries()) {
          await publishEntryChange(this.deps, {
            action: 'reassign',
            entry,
            actor,
            previousOwner: resolved[i].before,
          });
        }
        return written;
      },
    );
  }

  /** How far each department has confirmed its live entries for a fiscal year; for HR. */
  async confirmations(
    fiscalYear: number,
    ctx: Pick<CallContext, 'credentials'>,
  ): Promise<ConfirmationOverview> {
    await this.deps.authorizer.assertBasic(
      overviewReadPermission,
      ctx.credentials,
    );
    const entries = await this.deps.store.listAllEntries({});
    const byOwner = groupByOwner(entries);
    return {
      fiscalYear,
      departments: [...byOwner.entries()]
        .map(([owner, own]) => {
          const unconfirmed = own.filter(
            e => e.confirmedFiscalYear !== fiscalYear,
          );
          return {
            owner,
            total: own.length,
            confirmed: own.length - unconfirmed.length,
            unconfirmed: unconfirmed.map(e => ({
              id: e.id,
              slug: e.slug,
              title: e.title,
              cycle: e.cycle,
            })),
          };
        })
        .sort(
          (a, b) =>
            b.unconfirmed.length - a.unconfirmed.length ||
            a.owner.localeCompare(b.owner),
        ),
    };
  }

  /**
   * What each versioned update of the shipped content did here, newest first: the
   * entries it added and corrected, and those it left alone because a department
   * had changed them, with the shipped text to compare; for HR.
   */
  async contentUpdates(
    ctx: Pick<CallContext, 'credentials'>,
  ): Promise<ContentUpdateList> {
    await this.deps.authorizer.assertBasic(
      overviewReadPermission,
      ctx.credentials,
    );
    return { items: await this.deps.store.listContentUpdates() };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
