import { ResponseError } from '@backstage/errors';
import type { EntryInput } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { choose } from '../../__testUtils__/choose';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { EntryForm } from './EntryForm';

async function renderNewEntryForm() {
  const api = {
    ...createFakeApi(),
    listEntries: jest.fn(async () => ({
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 20,
    })),
    createEntry: jest.fn(async (fields: EntryInput) =>
      fakeEntry(fields, { version: 1 }),
    ),
  };
  const toastApi = await renderInPlugin(
    routes({
      '/city-hall-year/new': (
        <EntryForm
          groups={['group:default/zaisei-ka', 'group:default/kaikei-ka']}
          year={fakeYear(2026)}
        />
      ),
      '/city-hall-year/entries/:slug': <p>entry page</p>,
    }),
    { api, path: '/city-hall-year/new' },
  );
  return { api, toastApi };
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('EntryForm', () => {
  it('creates a draft owned by the first of the person’s departments, then opens it', async () => {
    const { api, toastApi } = await renderNewEntryForm();
    type('editor-slug', 'yosan-hearing');
    type('editor-title-ja', '財政課ヒアリング');
    type('editor-summary-ja', '各課の要求を聞き取ります。');
    type('editor-purpose-ja', '要求の根拠を確かめるためです。');
    type('editor-whatHappens-ja', '財政課が各課から説明を受けます。');
    type('editor-forNewStaff-ja', '説明資料を準備しましょう。');
    // The timing by choosing, not typing: mid November.
    await choose('timing-rule-0-from-month', 'Nov');
    await choose('timing-rule-0-from-part', 'Mid (11th–20th)');
    await choose('timing-rule-0-to-month', 'Nov');
    await choose('timing-rule-0-to-part', 'Mid (11th–20th)');
    expect(screen.getByTestId('timing-preview')).toHaveTextContent(
      'This year: mid November',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(await screen.findByText('entry page')).toBeInTheDocument();
    const [fields] = api.createEntry.mock.calls[0];
    expect(fields).toEqual(
      expect.objectContaining({
        slug: 'yosan-hearing',
        owner: 'group:default/zaisei-ka',
        status: 'draft',
        title: { ja: '財政課ヒアリング' },
        timing: expect.objectContaining({
          rules: [
            {
              kind: 'months',
              from: { month: 11, part: 'middle' },
              to: { month: 11, part: 'middle' },
            },
          ],
        }),
      }),
    );
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Saved (version 1)',
        status: 'success',
      }),
    ]);
  });

  it('refuses to save while a field breaks the shared schema, and says which', async () => {
    const { api, toastApi } = await renderNewEntryForm();
    type('editor-slug', 'Not A Slug');
    fireEvent.click(screen.getByTestId('editor-publish'));
    await waitFor(() =>
      expect(toastApi.getToasts()).toEqual([
        expect.objectContaining({
          title: 'Fix the marked fields first',
          status: 'danger',
        }),
      ]),
    );
    expect(api.createEntry).not.toHaveBeenCalled();
    expect(screen.getByTestId('editor-slug')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('reads the legal basis one law per line', async () => {
    const { api } = await renderNewEntryForm();
    type('editor-slug', 'shutsuno-heisa');
    type('editor-title-ja', '出納閉鎖');
    type('editor-summary-ja', '締め切ります。');
    type('editor-purpose-ja', '確定させるためです。');
    type('editor-whatHappens-ja', '会計課が締め切ります。');
    type('editor-forNewStaff-ja', '確認しましょう。');
    fireEvent.change(screen.getByLabelText(/Legal basis/), {
      target: { value: '地方自治法 第235条の5\n地方自治法施行令 第143条' },
    });
    fireEvent.click(screen.getByTestId('editor-publish'));
    await waitFor(() => expect(api.createEntry).toHaveBeenCalled());
    expect(api.createEntry.mock.calls[0][0].legalBasis).toEqual([
      expect.objectContaining({ law: '地方自治法', article: '第235条の5' }),
      expect.objectContaining({ law: '地方自治法施行令', article: '第143条' }),
    ]);
  });

  it('opens without problems, and names each missing field once a save is tried', async () => {
    const { api } = await renderNewEntryForm();
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(screen.queryByText('Required')).toBeNull();
    fireEvent.click(screen.getByTestId('editor-publish'));
    // The slug, the Japanese title and summary, and the three texts.
    await waitFor(() =>
      expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(3),
    );
    expect(screen.getByTestId('editor-slug')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createEntry).not.toHaveBeenCalled();
  });

  it('says in words why the server refused, and keeps what was typed', async () => {
    const { api, toastApi } = await renderNewEntryForm();
    api.createEntry.mockImplementation(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'Forbidden' },
          }),
          { status: 403, statusText: 'Forbidden' },
        ) as never,
      );
    });
    type('editor-slug', 'yosan-hearing');
    type('editor-title-ja', '財政課ヒアリング');
    type('editor-summary-ja', '各課の要求を聞き取ります。');
    type('editor-purpose-ja', '要求の根拠を確かめるためです。');
    type('editor-whatHappens-ja', '財政課が各課から説明を受けます。');
    type('editor-forNewStaff-ja', '説明資料を準備しましょう。');
    fireEvent.click(screen.getByTestId('editor-publish'));
    await waitFor(() =>
      expect(toastApi.getToasts()).toEqual([
        expect.objectContaining({
          status: 'danger',
          title: expect.stringMatching(
            /^Not saved: this entry belongs to zaisei-ka, and only its staff/,
          ),
        }),
      ]),
    );
    expect(screen.getByTestId('editor-title-ja')).toHaveValue(
      '財政課ヒアリング',
    );
  });
});
