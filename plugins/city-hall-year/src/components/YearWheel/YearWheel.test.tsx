import { renderInTestApp } from '@backstage/test-utils';
import { act, fireEvent, screen, within } from '@testing-library/react';
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
    const wheel = screen.getByRole('group', {
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
    expect(wheel).toHaveTextContent('FY2026');
    expect(screen.getByTestId('wheel-today')).toBeInTheDocument();
  });

  it('is a list of named steps per ring, with a legend of the rings from the centre out', async () => {
    await renderWheel('2026-12-01');
    const rings = within(screen.getByTestId('year-wheel')).getAllByRole('list');
    expect(rings.map(r => r.getAttribute('aria-label'))).toEqual([
      'Council: ring 1 from the centre',
      'Settlement: ring 2 from the centre',
      'Personnel: ring 3 from the centre',
    ]);
    // Named like a step everywhere: title, when, cycle, department.
    expect(
      within(rings[1]).getByRole('link', { name: /^Books close, 31 May/ }),
    ).toHaveAccessibleName('Books close, 31 May, Settlement, kaikei-ka');
    expect(
      within(screen.getByTestId('wheel-legend'))
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      '1Council: ring 1 from the centre',
      '2Settlement: ring 2 from the centre',
      '3Personnel: ring 3 from the centre',
    ]);
    expect(screen.getByTestId('year-wheel')).toHaveAccessibleDescription(
      /ring 1 from the centre/,
    );
  });

  it('is one tab stop; the arrow keys go through the arcs in date order and name the one focused', async () => {
    await renderWheel('2026-12-01');
    const links = within(screen.getByTestId('year-wheel')).getAllByRole('link');
    const stops = links.filter(l => l.getAttribute('tabindex') === '0');
    expect(stops).toHaveLength(1);
    const first = stops[0];
    act(() => first.focus());
    expect(screen.getByTestId('wheel-pointed')).toHaveTextContent(
      first.getAttribute('aria-label')!,
    );
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = document.activeElement as Element;
    expect(second).not.toBe(first);
    expect(second.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    expect(screen.getByTestId('wheel-pointed')).toHaveTextContent(
      second.getAttribute('aria-label')!,
    );
    fireEvent.keyDown(second, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement).not.toBe(first);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
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
