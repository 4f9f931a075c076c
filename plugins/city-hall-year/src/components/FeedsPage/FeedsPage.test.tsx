import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { FeedToken } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cityHallYearApiRef, type FeedSelection } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { rootRouteRef } from '../../routes';
import { FeedsPage } from './FeedsPage';

// react-use's useCopyToClipboard writes through this package; jsdom has no clipboard.
jest.mock('copy-to-clipboard', () => jest.fn(() => true));
const copy: jest.Mock = jest.requireMock('copy-to-clipboard');

const outlook: FeedToken = {
  id: 't1',
  label: 'Outlook',
  createdAt: '2026-11-02T01:00:00.000Z',
  lastUsedAt: '2026-11-30T23:30:00.000Z',
};

async function renderFeeds(tokens: FeedToken[]) {
  let stored = [...tokens];
  const api = {
    ...createFakeApi(),
    listFeedTokens: jest.fn(async () => stored),
    createFeedToken: jest.fn(async (label: string) => {
      const created = {
        id: 't2',
        label,
        createdAt: '2026-12-01T03:00:00.000Z',
        token: 'chy_secret',
      };
      stored = [...stored, created];
      return created;
    }),
    revokeFeedToken: jest.fn(async (id: string) => {
      stored = stored.filter(token => token.id !== id);
    }),
    feedUrl: jest.fn(
      async (token: string, selection: FeedSelection = {}) =>
        `https://backstage.example/feeds.ics?token=${token}&${new URLSearchParams(
          selection as Record<string, string>,
        )}`,
    ),
  };
  const identityApi = mockApis.identity({
    userEntityRef: 'user:default/yamada.taro',
    ownershipEntityRefs: [
      'user:default/yamada.taro',
      'group:default/zaisei-ka',
    ],
  });
  const toastApi = mockApis.toast();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, api],
        [coreApis.identity, identityApi],
        [coreApis.toast, toastApi],
      ]}
    >
      <FeedsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/city-hall-year': rootRouteRef } },
  );
  return { api, toastApi };
}

fixToday('2026-12-01T03:00:00Z');

describe('FeedsPage', () => {
  beforeEach(() => copy.mockClear());

  it('lists the person’s feed tokens with when they were made and last used', async () => {
    await renderFeeds([outlook]);
    const token = await screen.findByTestId('feed-token');
    expect(token).toHaveTextContent('Outlook');
    // Times in Tokyo.
    expect(token).toHaveTextContent('Created 2026年11月2日 10:00');
    expect(token).toHaveTextContent('last used 2026年12月1日 8:30');
  });

  it('says when there is no token', async () => {
    await renderFeeds([]);
    expect(await screen.findByText('You have no feed tokens.')).toBeVisible();
  });

  it('creates a token and offers its addresses once, each to copy', async () => {
    const { api, toastApi } = await renderFeeds([]);
    expect(screen.getByTestId('feed-create')).toBeDisabled();
    fireEvent.change(screen.getByTestId('feed-label'), {
      target: { value: ' iPhone ' },
    });
    fireEvent.click(screen.getByTestId('feed-create'));

    const created = await screen.findByTestId('feed-created');
    expect(api.createFeedToken).toHaveBeenCalledWith('iPhone');
    await waitFor(() =>
      expect(within(created).getAllByTestId('feed-url')).toHaveLength(
        // The whole year, the person's own year, their one department, five cycles.
        8,
      ),
    );
    expect(api.feedUrl).toHaveBeenCalledWith('chy_secret', {
      owner: 'group:default/zaisei-ka',
    });
    expect(api.feedUrl).toHaveBeenCalledWith('chy_secret', { mine: true });
    expect(within(created).getAllByTestId('feed-url')[1]).toHaveValue(
      'https://backstage.example/feeds.ics?token=chy_secret&mine=true',
    );
    expect(await screen.findAllByTestId('feed-token')).toHaveLength(1);
    // Addresses whose calendar would stay empty this year say so: 財政課 has no
    // step in the test year, nor have the budget and planning cycles.
    await waitFor(() =>
      expect(within(created).getAllByTestId('feed-empty')).toHaveLength(3),
    );
    expect(within(created).getAllByTestId('feed-empty')[0]).toHaveTextContent(
      'No published steps this fiscal year',
    );

    const [allYear] = within(created).getAllByTestId('feed-url');
    expect(allYear).toHaveValue(
      'https://backstage.example/feeds.ics?token=chy_secret&',
    );
    fireEvent.click(
      within(created).getAllByRole('button', { name: 'Copy address' })[0],
    );
    expect(copy).toHaveBeenCalledWith(
      'https://backstage.example/feeds.ics?token=chy_secret&',
    );
    await waitFor(() =>
      expect(toastApi.getToasts()).toEqual([
        expect.objectContaining({
          title: 'Address copied.',
          status: 'success',
        }),
      ]),
    );
  });

  it('revokes a token', async () => {
    const { api, toastApi } = await renderFeeds([outlook]);
    fireEvent.click(
      within(await screen.findByTestId('feed-token')).getByTestId(
        'feed-revoke',
      ),
    );
    // It asks first, and nothing happens on cancel.
    const dialog = await screen.findByRole('dialog', {
      name: 'Revoke this calendar address?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.revokeFeedToken).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('feed-revoke'));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Revoke',
      }),
    );
    expect(await screen.findByText('You have no feed tokens.')).toBeVisible();
    expect(api.revokeFeedToken).toHaveBeenCalledWith('t1');
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Token revoked: calendars using it stop updating.',
      }),
    ]);
  });
});
