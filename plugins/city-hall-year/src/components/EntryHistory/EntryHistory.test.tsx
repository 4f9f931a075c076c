import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  Entry,
  EntryRevision,
} from '@internal/plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { EntryHistoryPage } from './EntryHistory';

const entry = {
  id: 'entry-9',
  slug: 'yosan-yokyu',
  title: { ja: '予算要求' },
  version: 2,
} as Entry;
const revision = (n: number, summary: string, by: string): EntryRevision => ({
  entryId: 'entry-9',
  revision: n,
  action: n === 1 ? 'create' : 'update',
  changedFields: ['summary'],
  createdBy: by,
  createdAt: '2026-10-01T01:00:00.000Z',
  entry: { ...entry, summary: { ja: summary } } as Entry,
});

describe('EntryHistoryPage', () => {
  it('lists who changed which fields, shows the difference and restores an older version', async () => {
    const api = {
      ...createFakeApi(),
      getEntry: jest.fn(async () => entry),
      listRevisions: jest.fn(async () => [
        revision(2, '人事課が直した概要', 'user:default/sato.hanako'),
        revision(1, '最初の概要', 'user:default/yamada.taro'),
      ]),
      getRevision: jest.fn(async (_id: string, n: number) =>
        n === 2
          ? revision(2, '人事課が直した概要', 'user:default/sato.hanako')
          : revision(1, '最初の概要', 'user:default/yamada.taro'),
      ),
      restoreRevision: jest.fn(async () => ({ ...entry, version: 3 })),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cityHallYearApiRef, api],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
          ],
          [coreApis.toast, mockApis.toast()],
        ]}
      >
        <Routes>
          <Route
            path="/city-hall-year/entries/:slug/history"
            element={<EntryHistoryPage />}
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year/entries/yosan-yokyu/history'],
        mountedRoutes: { '/city-hall-year': rootRouteRef },
      },
    );

    const list = await screen.findByTestId('revision-list');
    expect(within(list).getByText(/sato\.hanako/)).toBeInTheDocument();
    expect(within(list).getAllByText(/Summary/)).toHaveLength(2);
    const diff = await screen.findByTestId('revision-diff');
    expect(await within(diff).findByText('最初の概要')).toBeInTheDocument();
    expect(within(diff).getByText('人事課が直した概要')).toBeInTheDocument();

    fireEvent.click(within(list).getByText(/Version 1/));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore this version' }),
    );
    await waitFor(() =>
      expect(api.restoreRevision).toHaveBeenCalledWith('entry-9', 1, 2),
    );
  });
});
