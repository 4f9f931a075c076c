import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  entryReadPermission,
  occurrenceLabel,
  resolveFiscalYear,
  type EntryPage,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';
import { pluginApiReader } from './pluginApi';

/**
 * The search document type of City Hall Year entries.
 *
 * @public
 */
export const CITY_HALL_YEAR_DOCUMENT_TYPE = 'city-hall-year';

/**
 * A published entry as Backstage search indexes it.
 *
 * @public
 */
export interface CityHallYearDocument extends IndexableDocument {
  slug: string;
  cycle: string;
  owner: string;
  /** When it happens this fiscal year, in Japanese: 5月31日, 6月1日〜8月31日. */
  when: string;
  /** The FAQ questions, one a line, for the result to show the ones searched for. */
  faq: string;
}

const PAGE = 200;

/**
 * Reads published entries through the plugin's own API (as the search plugin, with a
 * service token), so that drafts never reach the index. Every document carries its
 * entry id, and search checks `city-hall-year.entry.read` on each result as well.
 *
 * @public
 */
export class EntryCollatorFactory implements DocumentCollatorFactory {
  readonly type = CITY_HALL_YEAR_DOCUMENT_TYPE;
  readonly visibilityPermission = entryReadPermission;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      now?: () => Date;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<CityHallYearDocument> {
    const get = await pluginApiReader(this.deps);

    const fiscalYear = resolveFiscalYear(this.deps.now?.() ?? new Date());
    const year = await get<YearView>(`/years/${fiscalYear}`);
    const when = new Map<string, string[]>();
    for (const occurrence of year.occurrences) {
      when.set(occurrence.slug, [
        ...(when.get(occurrence.slug) ?? []),
        occurrenceLabel(occurrence, 'ja'),
      ]);
    }

    for (let offset = 0; ; offset += PAGE) {
      const page = await get<EntryPage>(
        `/entries?status=published&limit=${PAGE}&offset=${offset}`,
      );
      for (const entry of page.items) {
        yield {
          title: entry.title.en
            ? `${entry.title.ja}（${entry.title.en}）`
            : entry.title.ja,
          text: [
            entry.summary.ja,
            entry.purpose.ja,
            ...entry.legalBasis.map(b =>
              [b.law, b.article].filter(Boolean).join(' '),
            ),
            entry.summary.en,
            entry.purpose.en,
            ...entry.tags,
            // The FAQ is part of the entry: 出納整理期間 finds the entry it is asked on.
            ...entry.faq.flatMap(f => [f.question, f.answer]),
          ]
            .filter(Boolean)
            .join('\n'),
          location: `/city-hall-year/entries/${encodeURIComponent(entry.slug)}`,
          slug: entry.slug,
          cycle: entry.cycle,
          owner: entry.owner,
          when: (when.get(entry.slug) ?? []).join('、'),
          faq: entry.faq.map(f => f.question).join('\n'),
          authorization: { resourceRef: entry.id },
        };
      }
      if (offset + PAGE >= page.totalCount) break;
    }
  }
}
