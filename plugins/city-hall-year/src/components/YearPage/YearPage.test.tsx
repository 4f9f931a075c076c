import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { resolveFiscalYear } from '@internal/plugin-city-hall-year-common';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { YearPage } from './YearPage';

async function renderYearPage() {
  const api = createFakeApi();
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
  return api;
}

describe('YearPage', () => {
  it('shows the current fiscal year as a timeline, in both year systems', async () => {
    const api = await renderYearPage();
    const current = resolveFiscalYear(new Date());

    expect(
      await screen.findByTestId('timeline-bar-shutsuno-heisa'),
    ).toHaveTextContent('出納閉鎖');
    expect(api.requestedYears).toContain(current);
    expect(screen.getByTestId('fiscal-year-label')).toHaveTextContent(
      `FY${current}`,
    );
    expect(screen.getByTestId('fiscal-year-label')).toHaveTextContent('令和');
    expect(
      within(screen.getByTestId('timeline-lane-council')).getByText(
        '第1回定例会',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('now-and-next')).toBeInTheDocument();
    // Steps held as needed have no bar, but the year lists them.
    expect(
      within(screen.getByTestId('as-needed')).getByText('臨時会'),
    ).toBeInTheDocument();
  });

  it('switches to the month list, where a span is listed in every month it touches', async () => {
    await renderYearPage();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    fireEvent.click(screen.getByRole('tab', { name: 'Month by month' }));

    const may = await screen.findByTestId('month-5');
    const current = resolveFiscalYear(new Date());
    expect(within(may).getByText('出納閉鎖')).toBeInTheDocument();
    expect(
      within(may).getByText(new RegExp(`FY${current - 1}`)),
    ).toBeInTheDocument();
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

  it('draws the year wheel with one arc per occurrence', async () => {
    await renderYearPage();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    fireEvent.click(screen.getByRole('tab', { name: 'Year wheel' }));
    const wheel = await screen.findByTestId('year-wheel');
    expect(
      within(wheel).getByTestId('wheel-arc-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(within(wheel).getByTestId('wheel-ring-council')).toBeInTheDocument();
  });

  it('filters by cycle and by text', async () => {
    await renderYearPage();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    fireEvent.click(screen.getByRole('button', { name: 'Council' }));
    expect(
      await screen.findByTestId('timeline-bar-dai1kai-teireikai'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('timeline-bar-shutsuno-heisa'),
    ).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Council' }));
    fireEvent.change(screen.getByLabelText('Search the year'), {
      target: { value: '出納' },
    });
    expect(
      await screen.findByTestId('timeline-bar-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('timeline-bar-dai1kai-teireikai'),
    ).not.toBeInTheDocument();
  });

  it('switches to the next fiscal year', async () => {
    const api = await renderYearPage();
    const current = resolveFiscalYear(new Date());
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    fireEvent.click(screen.getByRole('button', { name: 'Next fiscal year' }));
    expect(
      await screen.findByText(new RegExp(`FY${current + 1}`)),
    ).toBeInTheDocument();
    expect(api.requestedYears).toContain(current + 1);
  });
});
