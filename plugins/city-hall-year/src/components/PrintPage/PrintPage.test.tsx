import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { PrintPage } from './PrintPage';

describe('PrintPage', () => {
  it('puts the requested year and its legend on one printable sheet', async () => {
    const api = createFakeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <PrintPage />
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year/print?fy=2026&size=a4'],
        mountedRoutes: { '/city-hall-year': rootRouteRef },
      },
    );
    const sheet = await screen.findByTestId('print-page');
    expect(
      await within(sheet).findByTestId('timeline-bar-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(sheet).toHaveTextContent('令和8年度（FY2026）');
    // The legend names every cycle on the sheet, beside the lane of the same name.
    expect(within(sheet).getAllByText('Council')).toHaveLength(2);
    expect(api.requestedYears).toEqual([2026]);
    // Printed alone: the sheet lives directly in <body>, outside the app.
    expect(sheet.parentElement).toBe(document.body);
  });
});
