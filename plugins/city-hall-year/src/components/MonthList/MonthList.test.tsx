import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { fakeYear } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { MonthList } from './MonthList';

const mountedRoutes = {
  '/city-hall-year': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

describe('MonthList', () => {
  it('lists the twelve months from April, each step in every month it touches', async () => {
    await renderInTestApp(<MonthList year={fakeYear(2026)} />, {
      mountedRoutes,
    });
    const months = screen.getAllByTestId(/^month-\d+$/);
    expect(months.map(m => m.dataset.testid)).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map(m => `month-${m}`),
    );
    const session = 'First regular session';
    expect(
      within(screen.getByTestId('month-2')).getByText(session),
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('month-3')).getByText(session),
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('month-1')).queryByText(session),
    ).toBeNull();
    expect(screen.getByTestId('month-6')).toHaveTextContent(
      'Nothing scheduled this month.',
    );
  });

  it('links each step to its entry and its owner to the catalog, and says which year it concerns', async () => {
    await renderInTestApp(<MonthList year={fakeYear(2026)} />, {
      mountedRoutes,
    });
    const row = screen.getByTestId('occurrence-shutsuno-heisa');
    expect(
      // Named as a step in every view: title, when, cycle, department.
      within(row).getByRole('link', {
        name: 'Books close, 31 May, Settlement, kaikei-ka',
      }),
    ).toHaveAttribute('href', '/city-hall-year/entries/shutsuno-heisa');
    expect(
      within(row).getByRole('link', { name: 'kaikei-ka' }),
    ).toHaveAttribute('href', '/catalog/default/group/kaikei-ka');
    // The books of the previous year close in May.
    expect(row).toHaveTextContent('FY2025');
    expect(
      screen.getByTestId('occurrence-teiki-jinji-ido'),
    ).not.toHaveTextContent('Concerns');
  });

  it('leads with the current month and marks entries changed since the last look', async () => {
    await renderInTestApp(
      <MonthList
        year={fakeYear(2026)}
        today="2026-05-20"
        changedSlugs={new Set(['shutsuno-heisa'])}
      />,
      { mountedRoutes },
    );
    expect(screen.getByTestId('month-5')).toHaveTextContent(
      'This month for you',
    );
    expect(screen.getByTestId('month-4')).not.toHaveTextContent(
      'This month for you',
    );
    expect(
      within(screen.getByTestId('occurrence-shutsuno-heisa')).getByTestId(
        'changed-marker',
      ),
    ).toHaveTextContent('Updated');
    expect(
      within(screen.getByTestId('occurrence-teiki-jinji-ido')).queryByTestId(
        'changed-marker',
      ),
    ).toBeNull();
  });

  it('leads with no month when today is in another fiscal year', async () => {
    await renderInTestApp(
      <MonthList year={fakeYear(2026)} today="2027-05-20" />,
      { mountedRoutes },
    );
    expect(screen.queryByText('This month for you')).toBeNull();
  });
});
