import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  editableFields,
  ENTRY_LIMITS,
  type Entry,
  type FaqInput,
  type FaqItem,
  type FaqItemResult,
  type FaqList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { randomUUID } from 'node:crypto';
import type { QuestionStore } from '../database/QuestionStore';
import type { CallContext } from './context';
import {
  publishDialogueSignal,
  type DialogueSignalDeps,
} from './dialogueSignals';
import type { EntryService } from './EntryService';
import { readableEntry, type ReadableEntryDeps } from './readableEntries';

/**
 * What the FAQ works with: the entries it is a field of (read, and changed through
 * the entry service), and the questions FAQ items come from.
 */
export interface FaqServiceDeps extends ReadableEntryDeps, DialogueSignalDeps {
  entryService: Pick<EntryService, 'amend'>;
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
    return faqList(await readableEntry(this.deps, idOrSlug, credentials));
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
    const item: FaqItem = { id: randomUUID(), ...input };
    for (let attempt = 1; ; attempt++) {
      try {
        const entry = await this.change(
          'faq-create',
          idOrSlug,
          undefined,
          ctx,
          async current => {
            await this.assertFromQuestion(current, item);
            return [...current.faq, item];
          },
        );
        return itemResult(entry, item.id);
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
    const item: FaqItem = { id: faqId, ...input };
    const entry = await this.change(
      'faq-update',
      idOrSlug,
      version,
      ctx,
      async current => {
        assertHasItem(current, faqId);
        await this.assertFromQuestion(current, item);
        return current.faq.map(f => (f.id === faqId ? item : f));
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
      async current => {
        assertHasItem(current, faqId);
        return current.faq.filter(f => f.id !== faqId);
      },
    );
    return faqList(entry);
  }

  /**
   * One change of the FAQ, as a revision of the entry with the action `faq`; then
   * the entry's open pages are told.
   */
  private async change(
    eventId: string,
    idOrSlug: string,
    version: number | undefined,
    ctx: CallContext,
    edit: (current: Entry) => Promise<FaqItem[]>,
  ): Promise<Entry> {
    const entry = await this.deps.entryService.amend(
      idOrSlug,
      { eventId, action: 'faq', version },
      ctx,
      async current => {
        const faq = await edit(current);
        if (faq.length > ENTRY_LIMITS.faqCount) {
          throw new InputError(
            `faq: an entry has at most ${ENTRY_LIMITS.faqCount} FAQ items`,
          );
        }
        return { ...editableFields(current), faq };
      },
    );
    await publishDialogueSignal(this.deps, entry.id, eventId);
    return entry;
  }

  /**
   * An item made from a question names a question of this entry that was resolved
   * and is not yet another item of its FAQ.
   */
  private async assertFromQuestion(entry: Entry, item: FaqItem): Promise<void> {
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
    const other = entry.faq.find(
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

function assertHasItem(entry: Entry, faqId: string): void {
  if (!entry.faq.some(f => f.id === faqId)) {
    throw new NotFoundError(`Entry '${entry.slug}' has no FAQ item '${faqId}'`);
  }
}

function itemResult(entry: Entry, faqId: string): FaqItemResult {
  const item = entry.faq.find(f => f.id === faqId)!;
  return { ...item, entryVersion: entry.version };
}
