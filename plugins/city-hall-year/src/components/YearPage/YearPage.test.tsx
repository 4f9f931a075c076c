import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { resolveFiscalYear } from '@internal/plugin-city-hall-year-common';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { YearPage } from './YearPage';

describe('YearPage', () => {
  it('shows the current fiscal year month by month from the API', async () => {
    const api = createFakeApi();
    const current = resolveFiscalYear(new Date());
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <YearPage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/city-hall-year': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );

    expect(
      await screen.findByTestId('occurrence-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(api.requestedYears).toEqual([current]);
    expect(screen.getByTestId('fiscal-year-label')).toHaveTextContent(
      `FY${current}`,
    );

    const may = screen.getByTestId('month-5');
    expect(within(may).getByText('出納閉鎖')).toBeInTheDocument();
    // The settlement of the previous year says which year it concerns.
    expect(
      within(may).getByText(new RegExp(`FY${current - 1}`)),
    ).toBeInTheDocument();

    // A span from mid-February to mid-March is listed in both months.
    expect(
      within(screen.getByTestId('month-2')).getByText('第1回定例会'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('month-3')).getByText('第1回定例会'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('month-7')).queryByText('第1回定例会'),
    ).not.toBeInTheDocument();
  });

  it('switches to the next fiscal year', async () => {
    const api = createFakeApi();
    const current = resolveFiscalYear(new Date());
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <YearPage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/city-hall-year': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    await screen.findByTestId('occurrence-shutsuno-heisa');

    fireEvent.click(screen.getByRole('button', { name: 'Next fiscal year' }));

    expect(
      await screen.findByText(new RegExp(`FY${current + 1}`)),
    ).toBeInTheDocument();
    expect(api.requestedYears).toContain(current + 1);
  });
});
