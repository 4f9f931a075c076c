import { storedFields } from '@internal/plugin-city-hall-year-common/testUtils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { resolveFiscalYear } from '@internal/plugin-city-hall-year-common';
import { screen } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { DepartmentYearCard } from './DepartmentYearCard';

describe('DepartmentYearCard', () => {
  it("shows the group's entries, the next one and those not yet confirmed", async () => {
    const fiscalYear = resolveFiscalYear(new Date());
    const entry = (slug: string, confirmed?: number) => ({
      ...storedFields({
        slug,
        cycle: 'settlement',
        title: { ja: slug === 'shutsuno-heisa' ? '出納閉鎖' : '決算統計' },
        summary: { ja: '概要' },
        purpose: { ja: '目的' },
        whatHappens: { ja: '内容' },
        forNewStaff: { ja: '新人へ' },
        owner: 'group:default/kaikei-ka',
        timing: { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
      }),
      id: slug,
      version: 1,
      confirmedFiscalYear: confirmed,
      createdBy: 'x',
      createdAt: 'x',
      updatedBy: 'x',
      updatedAt: 'x',
    });
    const api = {
      ...createFakeApi(),
      listEntries: jest.fn(async () => ({
        items: [entry('shutsuno-heisa', fiscalYear), entry('kessan-tokei')],
        totalCount: 2,
        offset: 0,
        limit: 200,
      })),
      getYear: jest.fn(async (fy: number) => fakeYear(fy)),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'kaikei-ka', namespace: 'default' },
            spec: {},
          }}
        >
          <DepartmentYearCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/city-hall-year': rootRouteRef } },
    );
    expect(
      await screen.findByText('Owns 2 entries of the year'),
    ).toBeInTheDocument();
    expect(api.listEntries).toHaveBeenCalledWith({
      owner: ['group:default/kaikei-ka'],
      limit: 200,
    });
    expect(
      screen.getByText('Not yet confirmed for this year: 1'),
    ).toBeInTheDocument();
    expect(screen.getByText('決算統計')).toBeInTheDocument();
  });
});
