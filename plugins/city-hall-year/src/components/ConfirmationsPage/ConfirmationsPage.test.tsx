import { entityRouteRef, catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  ConfirmationOverview,
  ContentUpdateList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { editableFields } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
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

  it('lists what the content update left as a department wrote it, with the shipped text to compare', async () => {
    const current = fakeEntry(
      {
        slug: 'kessan-nintei',
        title: { ja: '決算の認定' },
        summary: { ja: '11月の定例会で認定されます。' },
      },
      { updatedBy: 'user:default/ito.makoto' },
    );
    const shipped = {
      ...editableFields(current),
      summary: { ja: '12月の定例会の初日に認定されます。' },
    };
    const updates: ContentUpdateList = {
      items: [
        {
          name: 'content-update-2026-12',
          appliedAt: '2026-12-03T00:00:00.000Z',
          entries: {
            created: [
              {
                slug: 'kigyo-kessan',
                title: { ja: '公営企業の決算' },
                changedFields: ['title'],
              },
            ],
            updated: [
              {
                slug: 'senketsu-shobun',
                title: { ja: '専決処分' },
                changedFields: ['summary'],
              },
            ],
            skipped: [
              {
                slug: 'kessan-nintei',
                title: { ja: '決算の認定' },
                changedFields: ['summary'],
                reason: 'edited',
                lastChangedBy: 'user:default/ito.makoto',
                lastChangedAt: '2026-06-01T00:00:00.000Z',
                shipped,
              },
            ],
          },
          courses: { created: [], updated: [], skipped: [] },
        },
      ],
    };
    const api = {
      ...createFakeApi(),
      getConfirmations: jest.fn(
        async (): Promise<ConfirmationOverview> => ({
          fiscalYear: 2026,
          departments: [],
        }),
      ),
      getContentUpdates: jest.fn(async () => updates),
      getEntry: jest.fn(async () => current),
    };
    const catalogApi = {
      getEntitiesByRefs: jest.fn(
        async ({ entityRefs }: { entityRefs: string[] }) => ({
          items: entityRefs.map(() => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'ito.makoto' },
            spec: { profile: { displayName: '伊藤 誠' } },
          })),
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
      await screen.findByRole('heading', {
        name: 'Updates of the starting content',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('content-update-summary')).toHaveTextContent(
      '1 added, 1 corrected, 1 left as edited here',
    );
    expect(
      screen.getByRole('link', { name: '公営企業の決算' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/kigyo-kessan');
    const skipped = screen.getByTestId('content-update-skipped-kessan-nintei');
    // By the person's name, never the reference.
    expect(
      await within(skipped).findByText(/edited by 伊藤 誠 on/),
    ).toBeInTheDocument();
    expect(skipped).not.toHaveTextContent('user:default');

    const compare = within(skipped).getByRole('button', {
      name: 'Compare with the shipped text',
    });
    expect(compare).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(compare);
    expect(compare).toHaveAttribute('aria-expanded', 'true');
    const diff = await screen.findByTestId(
      'content-update-diff-kessan-nintei-summary',
    );
    expect(api.getEntry).toHaveBeenCalledWith('kessan-nintei');
    expect(diff.querySelector('del')).toHaveTextContent('11');
    expect(diff.querySelector('ins')).toHaveTextContent('12');
  });
});
