import { storedFields } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { resolveFiscalYear } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { rootRouteRef } from '../../routes';
import { DepartmentYearCard } from './DepartmentYearCard';

fixToday('2026-12-01T03:00:00Z');

describe('DepartmentYearCard', () => {
  it("shows the group's entries, the next one and those not yet confirmed, and where readers are still lost", async () => {
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
      // 会計課's year: one step running since September, one in January.
      getYear: jest.fn(async (fy: number) => {
        const year = fakeYear(fy);
        const base = year.occurrences.find(o => o.slug === 'shutsuno-heisa')!;
        return {
          ...year,
          occurrences: [
            ...year.occurrences,
            {
              ...base,
              slug: 'kessan-jouyokin',
              title: { ja: '決算剰余金の処理' },
              start: '2026-09-01',
              end: '2027-03-31',
            },
            {
              ...base,
              slug: 'shikin-keikaku',
              title: { ja: '資金計画の見直し', en: 'Cash plan review' },
              start: '2027-01-12',
              end: '2027-01-12',
            },
          ],
        };
      }),
      getClarityOverview: jest.fn(async () => {
        const months = [
          { month: '2026-04', readers: 10, unclear: 7 },
          { month: '2026-05', readers: 12, unclear: 5 },
        ];
        const group = {
          entries: 1,
          counts: { readers: 12, unclear: 5 },
          months,
        };
        return {
          fiscalYear,
          months,
          items: [
            {
              entrySlug: 'shutsuno-heisa',
              title: { ja: '出納閉鎖' },
              owner: 'group:default/kaikei-ka',
              cycle: 'settlement',
              counts: { readers: 12, unclear: 5 },
              months,
              openQuestions: 3,
            },
          ],
          breakdown: {
            cycles: [],
            owners: [],
            courses: [],
            audiences: { everyone: group, newStaff: group },
          },
        };
      }),
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
    // Next is what starts next, not what has been running since September.
    const next = screen.getByTestId('department-next');
    expect(next).toHaveTextContent('Cash plan review');
    expect(next).not.toHaveTextContent('決算剰余金の処理');

    // The department's モヤモヤ指数: the chart, and each entry with its open questions.
    const clarity = await screen.findByTestId('department-clarity');
    expect(clarity).toHaveTextContent('42% (5 of 12)');
    expect(screen.getByText('Open questions: 3').closest('a')).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-heisa#questions',
    );
    expect(api.getClarityOverview).toHaveBeenCalledWith({
      owner: 'group:default/kaikei-ka',
      fiscalYear: 2026,
    });
  });
});
