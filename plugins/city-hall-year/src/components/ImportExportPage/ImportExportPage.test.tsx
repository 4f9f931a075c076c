import type { ImportReport } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  cityHallYearApiRef,
  ImportRefusedError,
  type ImportRequest,
} from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { ImportExportPage } from './ImportExportPage';

const CSV = '\uFEFFスラッグ,名称\nzaisei-a,予算資料\nBad Slug,\n';

function report(partial: Partial<ImportReport>): ImportReport {
  return {
    dryRun: true,
    applied: false,
    format: 'csv',
    summary: { create: 1, update: 0, unchanged: 0, error: 0 },
    rows: [{ row: 2, slug: 'zaisei-a', action: 'create', errors: [] }],
    ...partial,
  };
}

async function renderPage(
  importEntries: (request: ImportRequest) => Promise<ImportReport>,
) {
  const api = { ...createFakeApi(), importEntries: jest.fn(importEntries) };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, api],
        [coreApis.toast, mockApis.toast()],
      ]}
    >
      <ImportExportPage />
    </TestApiProvider>,
  );
  const file = new File([CSV], 'zaisei.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('import-file'), {
    target: { files: [file] },
  });
  await screen.findByText('zaisei.csv');
  return api;
}

describe('ImportExportPage', () => {
  it('checks a file first and lists every error by row and column, with import disabled', async () => {
    const api = await renderPage(async () =>
      report({
        summary: { create: 1, update: 0, unchanged: 0, error: 1 },
        rows: [
          { row: 2, slug: 'zaisei-a', action: 'create', errors: [] },
          {
            row: 3,
            slug: 'Bad Slug',
            action: 'error',
            errors: [
              {
                column: 'slug',
                message:
                  'slug: must be lower-case letters, digits and single hyphens',
              },
              { column: 'title_ja', message: 'title: Required' },
            ],
          },
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));

    const errorRow = await screen.findByTestId('import-row-3');
    expect(
      within(errorRow).getByText(/Column slug: slug: must be lower-case/),
    ).toBeInTheDocument();
    expect(within(errorRow).getByText(/Column title_ja/)).toBeInTheDocument();
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '1 to create, 0 to update, 0 unchanged, 1 with errors',
    );
    expect(
      screen.getByRole('button', { name: /^Import \d+ rows$/ }),
    ).toBeDisabled();
    expect(api.importEntries).toHaveBeenCalledWith(
      // Decoding as UTF-8 drops the BOM; the server accepts both.
      expect.objectContaining({
        format: 'csv',
        dryRun: true,
        content: CSV.replace(/^\uFEFF/, ''),
      }),
    );
  });

  it('shows upload progress, then imports all rows after a clean check', async () => {
    let release: () => void = () => {};
    const api = await renderPage(async request => {
      if (request.dryRun) return report({});
      request.onProgress?.({ phase: 'uploading', loaded: 512, total: 1024 });
      await new Promise<void>(resolve => (release = resolve));
      return report({ dryRun: false, applied: true });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const apply = await screen.findByRole('button', { name: 'Import 1 rows' });
    await waitFor(() => expect(apply).toBeEnabled());

    fireEvent.click(apply);
    expect(await screen.findByText('Sending… 50%')).toBeInTheDocument();
    release();
    await waitFor(() =>
      expect(screen.getByTestId('import-summary')).toHaveTextContent(
        'Imported: 1 created, 0 updated.',
      ),
    );
    expect(api.importEntries).toHaveBeenLastCalledWith(
      expect.objectContaining({ dryRun: false }),
    );
  });

  it('says nothing was imported when the server refuses the apply', async () => {
    await renderPage(async request => {
      if (request.dryRun) return report({});
      throw new ImportRefusedError(
        '1 of 1 rows have errors; nothing was imported',
        report({
          dryRun: false,
          summary: { create: 0, update: 0, unchanged: 0, error: 1 },
          rows: [
            {
              row: 2,
              slug: 'zaisei-a',
              action: 'error',
              errors: [
                {
                  column: 'owner',
                  message:
                    'you may not create entries owned by group:default/giji-ka',
                },
              ],
            },
          ],
        }),
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const apply = await screen.findByRole('button', { name: 'Import 1 rows' });
    await waitFor(() => expect(apply).toBeEnabled());
    fireEvent.click(apply);
    expect(await screen.findByText(/Nothing was imported/)).toBeInTheDocument();
    expect(
      screen.getByText(/you may not create entries owned by/),
    ).toBeInTheDocument();
  });

  it("exports one department's entries of one cycle, as the reader chose", async () => {
    const api = await renderPage(async () => report({}));
    api.exportEntries = jest.fn(async () => new Blob(['x']));
    URL.createObjectURL = jest.fn(() => 'blob:export');
    URL.revokeObjectURL = jest.fn();

    fireEvent.mouseDown(
      within(screen.getByTestId('export-owner')).getByRole('combobox'),
    );
    const departments = await screen.findByRole('listbox');
    const first = within(departments).getAllByRole('option')[1];
    const chosen = first.getAttribute('data-value')!;
    fireEvent.click(first);
    fireEvent.mouseDown(
      within(screen.getByTestId('export-cycle')).getByRole('combobox'),
    );
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByRole('option', {
        name: 'Settlement',
      }),
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Download CSV (Excel)' }),
    );
    await waitFor(() =>
      expect(api.exportEntries).toHaveBeenCalledWith('csv', {
        owner: [chosen],
        cycle: ['settlement'],
      }),
    );
    expect(chosen).toMatch(/^group:default\//);
  });
});
