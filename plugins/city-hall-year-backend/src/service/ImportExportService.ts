import { participantGroups } from './EntryService';
import { InputError } from '@backstage/errors';
import {
  columnForPath,
  changedFields,
  editableFields,
  entryInputSchema,
  entryReassignPermission,
  entriesTable,
  entryUpdatePermission,
  rowToRawEntry,
  type CellError,
  type Entry,
  type EntryFields,
  type ImportReport,
  type ImportRowReport,
  type ImportExportFormat,
  type CsvHeaderStyle,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parseAllDocuments, stringify as stringifyYaml } from 'yaml';
import { audited } from './audited';
import type { CatalogNames } from './CatalogNames';
import type { CallContext, EntryWriteDeps } from './context';
import { publishEntryChange } from './entryEvents';

/** Rows an import may hold; larger files are refused before any work. */
export const MAX_IMPORT_ROWS = 10_000;

interface ParsedRow {
  row: number;
  raw?: unknown;
  errors: CellError[];
}

interface PlannedRow extends ImportRowReport {
  fields?: EntryFields;
  existing?: Entry;
}

/**
 * Export of entries to YAML and CSV, and import from them: a dry run that reports per
 * row what would happen and every error by row and column, and an apply that writes
 * all rows in one transaction or none. Imports obey the same permissions as edits.
 */
export class ImportExportService {
  constructor(
    private readonly deps: EntryWriteDeps & {
      /** The owners' names for the CSV export; without it the column stays empty. */
      names?: Pick<CatalogNames, 'namesOf'>;
    },
  ) {}

  /**
   * Writes entries as a file: YAML (a list of entries) or CSV (RFC 4180: one record
   * per entry, every field with a line break, quote or comma quoted; CRLF between
   * records; UTF-8 with a BOM, so that spreadsheet applications read the Japanese).
   */
  async serialize(
    entries: Entry[],
    format: ImportExportFormat,
    headers: CsvHeaderStyle = 'ja',
  ): Promise<string> {
    const fields = entries.map(editableFields);
    if (format === 'yaml') {
      return stringifyYaml(fields, { lineWidth: 0 });
    }
    const ownerNames =
      headers === 'ja'
        ? await this.deps.names?.namesOf(entries.map(e => e.owner))
        : undefined;
    return `\uFEFF${stringifyCsv(
      entriesTable(fields, { style: headers, ownerNames }),
      {
        record_delimiter: 'windows',
        // csv-stringify quotes a field holding the record delimiter (CRLF), not a
        // field holding a bare LF, as Markdown and lists do: a spreadsheet would
        // then start a new row inside the field.
        quoted_match: /[\r\n]/,
      },
    )}`;
  }

  async importEntries(
    request: { format: ImportExportFormat; content: string; dryRun: boolean },
    ctx: CallContext,
  ): Promise<ImportReport> {
    return audited(
      this.deps.auditor,
      {
        eventId: 'entries-import',
        ctx,
        severityLevel: request.dryRun ? 'low' : 'medium',
        meta: { format: request.format, dryRun: request.dryRun },
        resultMeta: report => ({ ...report.summary, applied: report.applied }),
      },
      () => this.plan(request, ctx),
    );
  }

  private async plan(
    request: { format: ImportExportFormat; content: string; dryRun: boolean },
    ctx: CallContext,
  ): Promise<ImportReport> {
    const rows = this.parse(request.format, request.content);
    const live = await this.deps.store.listAllEntries({});
    const liveBySlug = new Map(live.map(e => [e.slug, e]));
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();

    for (const parsed of rows) {
      const row: PlannedRow = {
        row: parsed.row,
        action: 'error',
        errors: [...parsed.errors],
      };
      planned.push(row);
      if (parsed.raw === undefined) continue;
      const result = entryInputSchema.safeParse(parsed.raw);
      const slug = (parsed.raw as { slug?: unknown })?.slug;
      if (typeof slug === 'string') row.slug = slug;
      if (!result.success) {
        for (const issue of result.error.issues) {
          // A cell that could not be read at all is reported once, not again as missing.
          if (parsed.errors.some(e => e.column === columnForPath(issue.path)))
            continue;
          row.errors.push({
            column: columnForPath(issue.path),
            message: `${issue.path.join('.') || 'row'}: ${issue.message}`,
          });
        }
        continue;
      }
      if (row.errors.length) continue;
      const fields = result.data;
      if (seen.has(fields.slug)) {
        row.errors.push({
          column: 'slug',
          message: `slug ${fields.slug} is also in row ${seen.get(
            fields.slug,
          )}`,
        });
        continue;
      }
      seen.set(fields.slug, row.row);
      row.existing = liveBySlug.get(fields.slug);
      row.fields = row.existing
        ? withCurrentFaq(fields, row.existing, 'faq' in (parsed.raw as object))
        : fields;
    }

    await this.checkGroups(planned, ctx);
    await this.checkPermissions(planned, ctx);
    await this.checkDeletedSlugs(planned);
    this.checkLinksAndTimings(planned, live);

    for (const row of planned) {
      if (row.errors.length || !row.fields) {
        row.action = 'error';
      } else if (!row.existing) {
        row.action = 'create';
      } else {
        const changed = changedFields(editableFields(row.existing), row.fields);
        row.action = changed.length ? 'update' : 'unchanged';
        if (changed.length) row.changedFields = changed;
      }
    }

    const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const row of planned) summary[row.action] += 1;
    const report: ImportReport = {
      dryRun: request.dryRun,
      applied: false,
      format: request.format,
      summary,
      rows: planned.map(({ fields, existing, ...rest }) => rest),
    };
    if (request.dryRun || summary.error > 0) {
      return report;
    }

    const actor = ctx.credentials.principal.userEntityRef;
    const written = await this.deps.store.applyImport(
      {
        creates: planned.filter(r => r.action === 'create').map(r => r.fields!),
        updates: planned
          .filter(r => r.action === 'update')
          .map(r => ({
            id: r.existing!.id,
            expectedVersion: r.existing!.version,
            fields: r.fields!,
          })),
      },
      { actor, at: this.now() },
    );
    const previousOwners = new Map(
      planned.map(r => [r.slug, r.existing?.owner]),
    );
    for (const entry of written) {
      await publishEntryChange(this.deps, {
        action: 'import',
        entry,
        actor,
        previousOwner: previousOwners.get(entry.slug),
      });
    }
    return { ...report, applied: true };
  }

  private parse(format: ImportExportFormat, content: string): ParsedRow[] {
    const text = content.replace(/^\uFEFF/, '');
    if (format === 'yaml') {
      const documents = parseAllDocuments(text);
      const items: unknown[] = [];
      for (const document of documents) {
        if (document.errors.length) {
          return [
            {
              row: 0,
              errors: [
                { column: '', message: `YAML: ${document.errors[0].message}` },
              ],
            },
          ];
        }
        let value: unknown;
        try {
          // Unresolved aliases and alias bombs are refused here, as a row error.
          value = document.toJSON();
        } catch (error) {
          return [
            {
              row: 0,
              errors: [
                { column: '', message: `YAML: ${(error as Error).message}` },
              ],
            },
          ];
        }
        if (Array.isArray(value)) items.push(...value);
        else if (value !== null && value !== undefined) items.push(value);
      }
      this.assertSize(items.length);
      return items.map((raw, i) => ({ row: i + 1, raw, errors: [] }));
    }
    let records: Record<string, string>[];
    try {
      records = parseCsv(text, {
        columns: (headers: string[]) => headers.map(h => h.trim()),
        skip_empty_lines: true,
        relax_column_count: false,
        trim: false,
      });
    } catch (error) {
      const { lines, message } = error as { lines?: number; message: string };
      return [
        {
          row: lines ?? 0,
          errors: [{ column: '', message: `CSV: ${message}` }],
        },
      ];
    }
    this.assertSize(records.length);
    return records.map((record, i) => {
      const { raw, errors } = rowToRawEntry(record);
      // Row 1 is the header, as a spreadsheet numbers it.
      return { row: i + 2, raw, errors };
    });
  }

  private assertSize(count: number) {
    if (count > MAX_IMPORT_ROWS) {
      throw new InputError(
        `An import may hold at most ${MAX_IMPORT_ROWS} rows; this one has ${count}`,
      );
    }
  }

  private async checkGroups(rows: PlannedRow[], ctx: CallContext) {
    const valid = rows.filter(r => r.fields);
    const missing = await this.deps.validator.missingGroups(
      valid.flatMap(r => [
        r.fields!.owner,
        ...r.fields!.relatedGroups,
        ...participantGroups(r.fields!),
      ]),
      ctx.credentials,
    );
    for (const row of valid) {
      if (missing.has(row.fields!.owner)) {
        row.errors.push({
          column: 'owner',
          message: `owner: not a Group in the catalog: ${row.fields!.owner}`,
        });
      }
      const related = row.fields!.relatedGroups.filter(g => missing.has(g));
      if (related.length) {
        row.errors.push({
          column: 'related_groups',
          message: `relatedGroups: not a Group in the catalog: ${related.join(
            ', ',
          )}`,
        });
      }
      const participating = participantGroups(row.fields!).filter(g =>
        missing.has(g),
      );
      if (participating.length) {
        row.errors.push({
          column: 'participants',
          message: `participants: not a Group in the catalog: ${participating.join(
            ', ',
          )}`,
        });
      }
    }
  }

  private async checkPermissions(rows: PlannedRow[], ctx: CallContext) {
    const creates = rows.filter(r => r.fields && !r.existing);
    const updates = rows.filter(r => r.fields && r.existing);
    const creatable = await this.deps.authorizer.creatable(
      creates.map(r => r.fields!),
      ctx.credentials,
    );
    creates.forEach((row, i) => {
      if (!creatable[i]) {
        row.errors.push({
          column: 'owner',
          message: `you may not create entries owned by ${row.fields!.owner}`,
        });
      }
    });

    const changing = updates.filter(
      r => changedFields(editableFields(r.existing!), r.fields!).length > 0,
    );
    const allowed = await this.deps.authorizer.allowedIds(
      entryUpdatePermission,
      changing.map(r => r.existing!.id),
      ctx.credentials,
    );
    const reassigning = changing.filter(
      r => r.fields!.owner !== r.existing!.owner,
    );
    const mayReassign =
      reassigning.length > 0 &&
      (await this.deps.authorizer.has(
        entryReassignPermission,
        ctx.credentials,
      ));
    for (const row of changing) {
      if (!allowed.has(row.existing!.id)) {
        row.errors.push({
          column: 'owner',
          message: `you may not change ${row.existing!.slug}, owned by ${
            row.existing!.owner
          }`,
        });
      } else if (row.fields!.owner !== row.existing!.owner && !mayReassign) {
        row.errors.push({
          column: 'owner',
          message: `only HR editors may give an entry to another department (${
            row.existing!.owner
          } → ${row.fields!.owner})`,
        });
      }
    }
  }

  private async checkDeletedSlugs(rows: PlannedRow[]) {
    const fresh = rows.filter(r => r.fields && !r.existing);
    const taken = new Set(
      await this.deps.store.existingSlugs(fresh.map(r => r.fields!.slug)),
    );
    for (const row of fresh) {
      if (taken.has(row.fields!.slug)) {
        row.errors.push({
          column: 'slug',
          message: `slug ${
            row.fields!.slug
          } belongs to a deleted entry: bring it back instead`,
        });
      }
    }
  }

  private checkLinksAndTimings(rows: PlannedRow[], live: Entry[]) {
    const candidates = rows.filter(r => r.fields).map(r => r.fields!);
    const errors = this.deps.validator.linkAndTimingErrors(
      candidates,
      live,
      this.now(),
    );
    for (const row of rows) {
      if (row.fields) row.errors.push(...(errors.get(row.fields.slug) ?? []));
    }
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

/**
 * The FAQ of an imported row against the entry it updates: a file without FAQ (most
 * spreadsheets) keeps the entry's FAQ; an item without an id that asks the same
 * question as a current one keeps that item's id (and where it came from).
 */
function withCurrentFaq(
  fields: EntryFields,
  existing: Entry,
  fileHasFaq: boolean,
): EntryFields {
  if (!fileHasFaq) return { ...fields, faq: existing.faq };
  const unclaimed = new Map(
    existing.faq
      .filter(f => !fields.faq.some(g => g.id === f.id))
      .map(f => [f.question, f]),
  );
  return {
    ...fields,
    faq: fields.faq.map(item => {
      if (item.id) return item;
      const same = unclaimed.get(item.question);
      if (!same) return item;
      unclaimed.delete(item.question);
      return {
        ...item,
        id: same.id,
        ...(same.fromQuestion ? { fromQuestion: same.fromQuestion } : {}),
      };
    }),
  };
}
