import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { fakeYear } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { Timeline } from './Timeline';

const mountedRoutes = { '/city-hall-year': rootRouteRef };
const { occurrences } = fakeYear(2026);

describe('Timeline', () => {
  it('gives each cycle its lane and each occurrence a bar that links to its entry', async () => {
    await renderInTestApp(
      <Timeline
        fiscalYear={2026}
        occurrences={occurrences}
        today="2026-12-01"
      />,
      { mountedRoutes },
    );
    const timeline = screen.getByRole('figure', {
      name: 'Timeline of the fiscal year',
    });
    // Lanes in the order of the cycles, only for cycles with occurrences.
    expect(
      within(timeline)
        .getAllByTestId(/^timeline-lane-/)
        .map(lane => lane.dataset.testid),
    ).toEqual([
      'timeline-lane-council',
      'timeline-lane-settlement',
      'timeline-lane-personnel',
    ]);
    const bar = within(
      screen.getByTestId('timeline-lane-settlement'),
    ).getByTestId('timeline-bar-shutsuno-heisa');
    expect(bar).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-heisa',
    );
    expect(bar).toHaveAttribute('title', '出納閉鎖 — 31 May / Books close');
    // A date known to a part of a month only is drawn as such.
    expect(screen.getByTestId('timeline-bar-dai1kai-teireikai')).toHaveClass(
      'bar-part',
    );
    expect(bar).not.toHaveClass('bar-part');
  });

  it('marks today only within its own fiscal year', async () => {
    await renderInTestApp(
      <>
        <Timeline
          fiscalYear={2026}
          occurrences={occurrences}
          today="2026-12-01"
        />
        <Timeline
          fiscalYear={2025}
          occurrences={occurrences}
          today="2026-12-01"
        />
      </>,
      { mountedRoutes },
    );
    const [current, previous] = screen.getAllByRole('figure');
    // The line crosses every lane.
    expect(within(current).getAllByTestId('timeline-today')).toHaveLength(3);
    expect(within(previous).queryAllByTestId('timeline-today')).toHaveLength(0);
  });
});
