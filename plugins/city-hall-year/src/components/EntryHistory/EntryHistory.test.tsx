import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  Entry,
  EntryRevision,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
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
const revision = (
  n: number,
  summary: string,
  by: string,
  changes: Partial<Entry> = {},
): EntryRevision => ({
  entryId: 'entry-9',
  revision: n,
  action: n === 1 ? 'create' : 'update',
  changedFields: ['summary', ...Object.keys(changes)],
  createdBy: by,
  createdAt: '2026-10-01T01:00:00.000Z',
  entry: { ...entry, summary: { ja: summary }, ...changes } as Entry,
});

/** The text a mark of the difference holds, without what only screen readers hear. */
const marked = (diff: HTMLElement, tag: 'del' | 'ins') =>
  [...diff.querySelectorAll(tag)].map(el =>
    [...el.childNodes]
      .filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.textContent)
      .join(''),
  );

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
    const diff = await screen.findByTestId('revision-diff-summary');
    // What went and what came are marked, what stayed is not.
    expect(diff).toHaveTextContent(
      // Each language on its own, named.
      /^Japaneseremoved: 最初のadded: 人事課が直した概要$/,
    );
    expect(marked(diff, 'del')).toEqual(['最初の']);
    expect(marked(diff, 'ins')).toEqual(['人事課が直した']);

    fireEvent.click(within(list).getByText(/Version 1/));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Restore this version' }),
    );
    await waitFor(() =>
      expect(api.restoreRevision).toHaveBeenCalledWith('entry-9', 1, 2),
    );
  });

  it('reads a changed timing and owner in words and names, not JSON or references', async () => {
    const before = revision(1, '概要', 'user:default/yamada.taro', {
      owner: 'group:default/zaisei-ka',
      timing: {
        asNeeded: false,
        rules: [{ kind: 'months', from: { month: 10 }, to: { month: 11 } }],
        overrides: [],
        note: { ja: '例年10月から' },
      },
    });
    const after = revision(2, '概要', 'user:default/yamada.taro', {
      owner: 'group:default/kaikei-ka',
      timing: {
        asNeeded: false,
        rules: [{ kind: 'months', from: { month: 10 }, to: { month: 12 } }],
        overrides: [],
        note: { ja: '例年10月から' },
      },
    });
    const names: Record<string, string> = {
      'group:default/zaisei-ka': '財政課',
      'group:default/kaikei-ka': '会計課',
    };
    const catalogApi = {
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: ref.split('/')[1] },
          spec: { profile: { displayName: names[ref] } },
        })),
      }),
    };
    const api = {
      ...createFakeApi(),
      getEntry: jest.fn(async () => entry),
      listRevisions: jest.fn(async () => [after, before]),
      getRevision: jest.fn(async (_id: string, n: number) =>
        n === 2 ? after : before,
      ),
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
          [catalogApiRef, catalogApi],
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
    const timing = await screen.findByTestId('revision-diff-timing');
    expect(timing).toHaveTextContent(
      /^October – removed: Novemberadded: December\s*例年10月から$/,
    );
    const owner = screen.getByTestId('revision-diff-owner');
    await waitFor(() => expect(marked(owner, 'del')).toEqual(['財政']));
    expect(marked(owner, 'ins')).toEqual(['会計']);
    expect(owner).toHaveTextContent(/課$/);
    expect(screen.getByTestId('revision-diff').textContent).not.toMatch(
      /[{}]|group:/,
    );
  });
});
