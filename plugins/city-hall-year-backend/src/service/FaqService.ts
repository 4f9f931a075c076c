import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  editableFields,
  ENTRY_LIMITS,
  entryUpdatePermission,
  type Entry,
  type FaqInput,
  type FaqItem,
  type FaqItemResult,
  type FaqList,
} from '@internal/plugin-city-hall-year-common';
import { randomUUID } from 'node:crypto';
import type { QuestionStore } from '../database/QuestionStore';
import { audited } from './audited';
import type { CallContext, EntryWriteDeps } from './context';
import { publishEntryChange } from './entryEvents';
import {
  publishDialogueSignal,
  type DialogueSignalDeps,
} from './dialogueSignals';
import { readableEntry } from './readableEntries';

/** What the FAQ works with: what changes entries, and the questions FAQ items come from. */
export interface FaqServiceDeps extends EntryWriteDeps, DialogueSignalDeps {
  questions: Pick<QuestionStore, 'getQuestion'>;
}

/** How often adding an item is tried again when the entry changed at the same moment. */
const ADD_ATTEMPTS = 3;

/**
 * The FAQ of an entry (よくある質問): question and answer pairs that the owners wrote
 * or turned from resolved questions. The FAQ is a field of the entry, so every change
 * of it is a revision of the entry (action `faq`): in the history, diffed, restorable,
 * and it moves the content generation like any edit. Changing the FAQ is changing the
 * entry: `city-hall-year.entry.update` decides.
 */
export class FaqService {
  constructor(private readonly deps: FaqServiceDeps) {}

  async list(
    idOrSlug: string,
    credentials: BackstageCredentials,
  ): Promise<FaqList> {
    return faqList(
      await readableEntry(
        { entries: this.deps.store, authorizer: this.deps.authorizer },
        idOrSlug,
        credentials,
      ),
    );
  }

  /**
   * Appends an item. Adding needs no version: a concurrent change of the entry is
   * read again and the item added to it, so neither write is lost.
   */
  async add(
    idOrSlug: string,
    input: FaqInput,
    ctx: CallContext,
  ): Promise<FaqItemResult> {
    const id = randomUUID();
    const item: FaqItem = { id, ...input };
    for (let attempt = 1; ; attempt++) {
      try {
        const entry = await this.change(
          'faq-create',
          idOrSlug,
          undefined,
          ctx,
          async (current, faq) => {
            await this.assertFromQuestion(current, faq, item);
            return [...faq, item];
          },
        );
        return itemResult(entry, id);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= ADD_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  async update(
    idOrSlug: string,
    faqId: string,
    input: FaqInput,
    version: number,
    ctx: CallContext,
  ): Promise<FaqItemResult> {
    const entry = await this.change(
      'faq-update',
      idOrSlug,
      version,
      ctx,
      async (current, faq) => {
        const index = indexOf(current, faq, faqId);
        const item: FaqItem = { id: faqId, ...input };
        await this.assertFromQuestion(current, faq, item);
        return faq.map((f, i) => (i === index ? item : f));
      },
    );
    return itemResult(entry, faqId);
  }

  async remove(
    idOrSlug: string,
    faqId: string,
    version: number,
    ctx: CallContext,
  ): Promise<FaqList> {
    const entry = await this.change(
      'faq-delete',
      idOrSlug,
      version,
      ctx,
      async (current, faq) => {
        const index = indexOf(current, faq, faqId);
        return faq.filter((_, i) => i !== index);
      },
    );
    return faqList(entry);
  }

  /**
   * One change of the FAQ as a revision of the entry: authorized on the entry,
   * written against the version named (or, when adding, the one just read).
   */
  private async change(
    eventId: string,
    idOrSlug: string,
    version: number | undefined,
    ctx: CallContext,
    edit: (current: Entry, faq: FaqItem[]) => Promise<FaqItem[]>,
  ): Promise<Entry> {
    // Whoever may not read a draft learns nothing of it: 404, as for its other routes.
    const current = await readableEntry(
      { entries: this.deps.store, authorizer: this.deps.authorizer },
      idOrSlug,
      ctx.credentials,
    );
    return audited(
      this.deps.auditor,
      {
        eventId,
        ctx,
        meta: { entryId: current.id },
        resultMeta: entry => ({
          entryId: entry.id,
          slug: entry.slug,
          version: entry.version,
        }),
      },
      async () => {
        await this.deps.authorizer.assertAllowed(
          entryUpdatePermission,
          current.id,
          ctx.credentials,
        );
        const fields = editableFields(current);
        const faq = await edit(current, current.faq);
        if (faq.length > ENTRY_LIMITS.faqCount) {
          throw new InputError(
            `faq: an entry has at most ${ENTRY_LIMITS.faqCount} FAQ items`,
          );
        }
        const entry = await this.deps.store.updateEntry(
          current.id,
          { ...fields, faq },
          {
            actor: ctx.credentials.principal.userEntityRef,
            at: (this.deps.now?.() ?? new Date()).toISOString(),
            expectedVersion: version ?? current.version,
            action: 'faq',
          },
        );
        await publishEntryChange(this.deps, {
          action: 'faq',
          entry,
          actor: ctx.credentials.principal.userEntityRef,
        });
        await publishDialogueSignal(this.deps, entry.id, eventId);
        return entry;
      },
    );
  }

  /**
   * An item made from a question names a question of this entry that was resolved
   * and is not yet another item of its FAQ.
   */
  private async assertFromQuestion(
    entry: Entry,
    faq: FaqItem[],
    item: FaqItem,
  ): Promise<void> {
    if (!item.fromQuestion) return;
    const question = await this.deps.questions.getQuestion(item.fromQuestion);
    if (!question || question.deletedAt || question.entryId !== entry.id) {
      throw new InputError(
        `fromQuestion: no question '${item.fromQuestion}' on entry '${entry.slug}'`,
      );
    }
    if (!question.resolvedAnswerId) {
      throw new InputError(
        'fromQuestion: only a resolved question becomes a FAQ item',
      );
    }
    const other = faq.find(
      f => f.fromQuestion === item.fromQuestion && f.id !== item.id,
    );
    if (other) {
      throw new InputError(
        `fromQuestion: the question already is the FAQ item '${other.id}'`,
      );
    }
  }
}

function faqList(entry: Entry): FaqList {
  return {
    entryId: entry.id,
    slug: entry.slug,
    version: entry.version,
    items: entry.faq,
  };
}

function indexOf(entry: Entry, faq: FaqItem[], faqId: string): number {
  const index = faq.findIndex(f => f.id === faqId);
  if (index < 0) {
    throw new NotFoundError(`Entry '${entry.slug}' has no FAQ item '${faqId}'`);
  }
  return index;
}

function itemResult(entry: Entry, faqId: string): FaqItemResult {
  const item = entry.faq.find(f => f.id === faqId)!;
  return { ...item, entryVersion: entry.version };
}
