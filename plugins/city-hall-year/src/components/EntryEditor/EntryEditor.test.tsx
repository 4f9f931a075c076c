import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { storedFields } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  type Entry,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { conflictError } from '../../__testUtils__/conflictError';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { EntryEditorPage } from './EntryEditor';

const stored = (version: number, changes: Partial<EntryInput> = {}): Entry => ({
  ...storedFields({
    slug: 'yosan-yokyu',
    cycle: 'budget',
    title: { ja: '予算要求' },
    summary: { ja: '各課が要求します。' },
    purpose: { ja: '目的に沿って配分するためです。' },
    whatHappens: { ja: '要求書を作ります。' },
    forNewStaff: { ja: '積算の根拠を確かめましょう。' },
    owner: 'group:default/zaisei-ka',
    timing: {
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 11 } }],
    },
    status: 'published',
    ...changes,
  }),
  id: 'entry-1',
  version,
  createdBy: 'user:default/yamada.taro',
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedBy:
    version > 1 ? 'user:default/sato.hanako' : 'user:default/yamada.taro',
  updatedAt: '2026-10-01T00:00:00.000Z',
});

async function renderEditor(
  api: ReturnType<typeof createFakeApi>,
  allowed = true,
) {
  const identityApi = {
    getBackstageIdentity: async () => ({
      type: 'user' as const,
      userEntityRef: 'user:default/yamada.taro',
      ownershipEntityRefs: [
        'user:default/yamada.taro',
        'group:default/zaisei-ka',
      ],
    }),
  };
  await renderInPlugin(
    routes({
      '/city-hall-year/entries/:slug/edit': <EntryEditorPage />,
      '/city-hall-year/entries/:slug': <div>entry page</div>,
    }),
    {
      api,
      apis: [
        [coreApis.identity, identityApi],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ],
      path: '/city-hall-year/entries/yosan-yokyu/edit',
    },
  );
  if (allowed) await screen.findByTestId('editor-title-ja');
}

describe('EntryEditorPage', () => {
  function fakeApi() {
    const api = createFakeApi();
    return Object.assign(api, {
      listEntries: jest.fn(async () => ({
        items: [stored(1)],
        totalCount: 1,
        offset: 0,
        limit: 200,
      })),
      getYear: jest.fn(async (fy: number) => fakeYear(fy)),
    });
  }

  it('shows the shared schema’s messages inline and does not save invalid input', async () => {
    const api = Object.assign(fakeApi(), {
      getEntry: jest.fn(async () => stored(1)),
      updateEntry: jest.fn(),
    });
    await renderEditor(api);
    fireEvent.change(screen.getByTestId('editor-title-ja'), {
      target: { value: '' },
    });
    // In words, not zod's "String must contain at least 1 character(s)".
    expect(await screen.findByText('Required')).toBeInTheDocument();
    fireEvent.click(
      within(screen.getByTestId('timing-notation-switch')).getByRole(
        'checkbox',
      ),
    );
    fireEvent.change(screen.getByTestId('editor-timing'), {
      target: { value: '来年の春' },
    });
    expect(
      await screen.findByText(/cannot read '来年の春'/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('editor-publish'));
    expect(api.updateEntry).not.toHaveBeenCalled();
  });

  it('previews this year’s dates of the timing as its notation is typed', async () => {
    const api = Object.assign(fakeApi(), {
      getEntry: jest.fn(async () => stored(1)),
    });
    await renderEditor(api);
    fireEvent.click(
      within(screen.getByTestId('timing-notation-switch')).getByRole(
        'checkbox',
      ),
    );
    fireEvent.change(screen.getByTestId('editor-timing'), {
      target: { value: '6月上旬' },
    });
    expect(await screen.findByTestId('timing-preview')).toHaveTextContent(
      'This year: early June',
    );
  });

  it('on a conflict shows both versions and saves the merge without losing the text', async () => {
    const latest = stored(2, { title: { ja: '予算要求（人事課が修正）' } });
    const api = Object.assign(fakeApi(), {
      getEntry: jest
        .fn()
        .mockResolvedValueOnce(stored(1))
        .mockResolvedValue(latest),
      updateEntry: jest
        .fn()
        .mockImplementationOnce(async () =>
          Promise.reject(
            await conflictError(
              'http://localhost/api/city-hall-year/entries/entry-1',
            ),
          ),
        )
        .mockImplementation(
          async (_id: string, fields: EntryInput, version: number) => ({
            ...latest,
            ...fields,
            version: version + 1,
          }),
        ),
    });
    await renderEditor(api);

    fireEvent.change(screen.getByTestId('editor-purpose-ja'), {
      target: { value: '財政課が書き直した目的です。' },
    });
    fireEvent.click(screen.getByTestId('editor-publish'));

    const dialog = await screen.findByRole('dialog');
    // My purpose and their title both differ from each other; each side is shown.
    expect(within(dialog).getByTestId('merge-mine-purpose')).toHaveTextContent(
      '財政課が書き直した目的です。',
    );
    expect(within(dialog).getByTestId('merge-theirs-title')).toHaveTextContent(
      '予算要求（人事課が修正）',
    );
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save the merged entry' }),
    );

    await waitFor(() => expect(api.updateEntry).toHaveBeenCalledTimes(2));
    const [, merged, version] = api.updateEntry.mock.calls[1];
    expect(version).toBe(2);
    expect(merged.purpose.ja).toBe('財政課が書き直した目的です。');
    expect(merged.title.ja).toBe('予算要求（人事課が修正）');
  });

  it('explains who may edit instead of showing a form that would fail', async () => {
    // An id of its own: the permission hook keeps decisions per resource.
    const api = Object.assign(fakeApi(), {
      getEntry: jest.fn(async () => ({ ...stored(1), id: 'entry-refused' })),
      updateEntry: jest.fn(),
    });
    await renderEditor(api, false);
    const notice = await screen.findByTestId('editor-not-allowed');
    expect(notice).toHaveTextContent('You cannot edit this entry');
    expect(notice).toHaveTextContent(/This entry belongs to .+\./);
    expect(screen.queryByTestId('editor-title-ja')).toBeNull();
  });
});
