import {
  exportQuerySchema,
  importQuerySchema,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { InputError } from '@backstage/errors';
import express, { type Router } from 'express';
import type { RouterOptions } from '../types';
import { callers, parseRequest } from './util';

const FILE_TYPES = {
  yaml: 'application/yaml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The body parser of `POST /import`, mounted before the JSON one: a whole file. */
export const importBodyParser = express.text({
  type: () => true,
  limit: '20mb',
});

/** Entries as a YAML or CSV file, and such a file read back (dry run first). */
export function importExportRoutes(router: Router, options: RouterOptions) {
  const { yearService, importExportService } = options;
  const { reader, user } = callers(options.httpAuth);

  router.get('/export', async (req, res) => {
    const credentials = await reader(req);
    const { format, headers, ...filters } = parseRequest(
      exportQuerySchema,
      req.query,
      'query',
    );
    const entries = await yearService.listAll(filters, credentials);
    res
      .type(FILE_TYPES[format])
      .attachment(`city-hall-year-entries.${format}`)
      .send(await importExportService.serialize(entries, format, headers));
  });

  router.post('/import', async (req, res) => {
    const ctx = await user(req);
    const { format, dryRun } = parseRequest(
      importQuerySchema,
      req.query,
      'query',
    );
    if (typeof req.body !== 'string' || !req.body.trim()) {
      throw new InputError(
        'Send the file itself as the request body (YAML or CSV text)',
      );
    }
    if (req.body.includes('\u0000')) {
      throw new InputError('The file must not contain the NUL character');
    }
    const report = await importExportService.importEntries(
      { format, content: req.body, dryRun },
      ctx,
    );
    if (!dryRun && !report.applied) {
      // The report is the answer: which rows and columns to fix. Nothing was written.
      res.status(400).json({
        error: {
          name: 'InputError',
          message: `${report.summary.error} of ${report.rows.length} rows have errors; nothing was imported`,
        },
        report,
      });
      return;
    }
    res.json(report);
  });
}
