import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { fakeYear } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { YearWheel } from './YearWheel';

async function renderWheel(today: string) {
  await renderInTestApp(
    <Routes>
      <Route
        path="/city-hall-year"
        element={
          <YearWheel
            fiscalYear={2026}
            occurrences={fakeYear(2026).occurrences}
            today={today}
          />
        }
      />
      <Route path="/city-hall-year/entries/:slug" element={<p>entry page</p>} />
    </Routes>,
    {
      routeEntries: ['/city-hall-year'],
      mountedRoutes: { '/city-hall-year': rootRouteRef },
    },
  );
}

describe('YearWheel', () => {
  it('draws a ring per cycle and an arc per occurrence, with the fiscal year in the middle', async () => {
    await renderWheel('2026-12-01');
    const wheel = screen.getByRole('img', {
      name: 'The fiscal year as a wheel, April at the top',
    });
    expect(
      within(wheel)
        .getAllByTestId(/^wheel-ring-/)
        .map(ring => ring.dataset.testid),
    ).toEqual([
      'wheel-ring-council',
      'wheel-ring-settlement',
      'wheel-ring-personnel',
    ]);
    expect(
      within(screen.getByTestId('wheel-ring-settlement')).getByTestId(
        'wheel-arc-shutsuno-heisa',
      ),
    ).toHaveAccessibleName('Books close 31 May');
    expect(wheel).toHaveTextContent('FY2026');
    expect(screen.getByTestId('wheel-today')).toBeInTheDocument();
  });

  it('opens an entry from its arc when clicked', async () => {
    await renderWheel('2026-12-01');
    fireEvent.click(screen.getByTestId('wheel-arc-shutsuno-heisa'));
    expect(await screen.findByText('entry page')).toBeInTheDocument();
  });

  it('opens an entry from its arc with Enter', async () => {
    await renderWheel('2026-12-01');
    fireEvent.keyDown(screen.getByTestId('wheel-arc-teiki-jinji-ido'), {
      key: 'Enter',
    });
    expect(await screen.findByText('entry page')).toBeInTheDocument();
  });

  it('has no hand for today outside its fiscal year', async () => {
    await renderWheel('2027-06-01');
    expect(screen.getByTestId('year-wheel')).toBeInTheDocument();
    expect(screen.queryByTestId('wheel-today')).toBeNull();
  });
});
