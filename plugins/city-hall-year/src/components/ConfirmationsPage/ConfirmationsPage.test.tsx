import { entityRouteRef, catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ConfirmationOverview } from '@internal/plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { rootRouteRef } from '../../routes';
import { ConfirmationsPage } from './ConfirmationsPage';

fixToday('2026-12-01T03:00:00Z');

describe('ConfirmationsPage', () => {
  it('shows each department’s progress for this fiscal year with its unconfirmed entries', async () => {
    const overview: ConfirmationOverview = {
      fiscalYear: 2026,
      departments: [
        {
          owner: 'group:default/zaisei-ka',
          total: 4,
          confirmed: 3,
          unconfirmed: [
            {
              id: 'e1',
              slug: 'yosan-yokyu',
              title: { ja: '予算要求' },
              cycle: 'budget',
            },
          ],
        },
        {
          owner: 'group:default/kaikei-ka',
          total: 2,
          confirmed: 2,
          unconfirmed: [],
        },
      ],
    };
    const api = {
      ...createFakeApi(),
      getConfirmations: jest.fn(async () => overview),
    };
    const catalogApi = {
      getEntitiesByRefs: jest.fn(
        async ({ entityRefs }: { entityRefs: string[] }) => ({
          items: entityRefs.map(ref =>
            ref.endsWith('zaisei-ka')
              ? {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Group',
                  metadata: { name: 'zaisei-ka' },
                  spec: { profile: { displayName: '財政課' } },
                }
              : undefined,
          ),
        }),
      ),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cityHallYearApiRef, api],
          [catalogApiRef, catalogApi],
        ]}
      >
        <ConfirmationsPage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/city-hall-year': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Confirmation of entries',
      }),
    ).toBeInTheDocument();
    // The fiscal year of today (1 December 2026), in both year systems.
    expect(api.getConfirmations).toHaveBeenCalledWith(2026);
    expect(screen.getByText(/for FY2026\./)).toBeInTheDocument();

    const finance = (await screen.findByText('財政課')).closest('tr')!;
    expect(finance).toHaveTextContent('3 / 4');
    expect(
      within(finance).getByRole('link', { name: '予算要求' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/yosan-yokyu');
    // Without a display name in the catalog, the Group's name.
    const accounting = screen.getByText('kaikei-ka').closest('tr')!;
    expect(accounting).toHaveTextContent('2 / 2');
    expect(within(accounting).queryByRole('link')).toBeNull();
  });
});
