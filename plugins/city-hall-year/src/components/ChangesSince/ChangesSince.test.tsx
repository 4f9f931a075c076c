import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ChangesSince } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { fakeChange } from '../../__testUtils__/fakeChange';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { ChangesSinceBanner, useChangesSince } from './ChangesSince';

const changes: ChangesSince = {
  lastSeenAt: '2026-11-20T00:30:00.000Z',
  changes: [
    fakeChange({
      changedFields: ['summary', 'owner'],
      changedBy: ['user:default/yamada.taro'],
      lastChangedAt: '2026-11-25T00:00:00.000Z',
    }),
    fakeChange({
      entryId: 'id-old',
      slug: 'old-step',
      title: { ja: '廃止された手続' },
      cycle: 'other',
      owner: 'group:default/gyosei-ka',
      actions: ['update', 'delete'],
      changedFields: ['deleted'],
      changedBy: ['user:default/tanaka.yuki', 'user:default/sato.hanako'],
      lastChangedAt: '2026-11-26T00:00:00.000Z',
    }),
  ],
};

/** The year page's use of the two: the hook's state in the banner. */
function YearBanner() {
  const state = useChangesSince();
  return state.value ? (
    <ChangesSinceBanner changes={state.value} onMarkSeen={state.markSeen} />
  ) : null;
}

const mountedRoutes = { '/city-hall-year': rootRouteRef };

describe('ChangesSinceBanner', () => {
  it('says since when and how many, and lists each change on request', async () => {
    await renderInTestApp(
      <ChangesSinceBanner changes={changes} onMarkSeen={jest.fn()} />,
      { mountedRoutes },
    );
    const banner = screen.getByTestId('changes-since');
    // The time of the last look, in Tokyo.
    expect(banner).toHaveTextContent('2026/11/20 09:30');
    expect(banner).toHaveTextContent('2 entries changed');
    expect(screen.queryByTestId('change-shutsuno-heisa')).toBeNull();

    fireEvent.click(within(banner).getByText('Show the changes'));
    const changed = screen.getByTestId('change-shutsuno-heisa');
    expect(
      within(changed).getByRole('link', { name: '出納閉鎖' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/shutsuno-heisa');
    // Field labels in the reader's language (English in the test app), never keys.
    expect(changed).toHaveTextContent('Changed: Summary, Owner');
    expect(changed).toHaveTextContent('by yamada.taro');
    // A removed entry has no page to link to.
    const removed = screen.getByTestId('change-old-step');
    expect(within(removed).queryByRole('link')).toBeNull();
    expect(removed).toHaveTextContent('廃止された手続（Removed）');
    expect(removed).toHaveTextContent('by tanaka.yuki, sato.hanako');

    fireEvent.click(within(banner).getByText('Hide the changes'));
    expect(screen.queryByTestId('change-shutsuno-heisa')).toBeNull();
  });

  it('stays away on a first visit and when nothing changed', async () => {
    await renderInTestApp(
      <>
        <ChangesSinceBanner
          changes={{ changes: changes.changes }}
          onMarkSeen={jest.fn()}
        />
        <ChangesSinceBanner
          changes={{ lastSeenAt: changes.lastSeenAt, changes: [] }}
          onMarkSeen={jest.fn()}
        />
      </>,
      { mountedRoutes },
    );
    expect(screen.queryByTestId('changes-since')).toBeNull();
  });
});

describe('useChangesSince', () => {
  it('remembers a first visit silently', async () => {
    const api = {
      ...createFakeApi({ changes: { changes: [] } }),
      getChangesSince: jest.fn(async () => ({ changes: [] })),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <YearBanner />
      </TestApiProvider>,
      { mountedRoutes },
    );
    await waitFor(() => expect(api.seen).toHaveLength(1));
    expect(screen.queryByTestId('changes-since')).toBeNull();
  });

  it('marks the changes as seen when asked, and asks again', async () => {
    const api = createFakeApi({ changes });
    const getChangesSince = jest
      .spyOn(api, 'getChangesSince')
      .mockResolvedValueOnce(changes)
      .mockResolvedValue({
        lastSeenAt: '2026-12-01T03:00:00.000Z',
        changes: [],
      });
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <YearBanner />
      </TestApiProvider>,
      { mountedRoutes },
    );
    const banner = await screen.findByTestId('changes-since');
    expect(api.seen).toHaveLength(0);
    fireEvent.click(within(banner).getByTestId('changes-mark-seen'));
    await waitFor(() =>
      expect(screen.queryByTestId('changes-since')).toBeNull(),
    );
    expect(api.seen).toHaveLength(1);
    expect(getChangesSince).toHaveBeenCalledTimes(2);
  });
});
