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
    // In the reader's language; a one-day step is a marker with its title beside it.
    expect(bar).toHaveTextContent(/^Books close$/);
    expect(bar).toHaveAttribute('title', 'Books close — 31 May');
    // A screen reader hears the step as in every view, inside its cycle's list.
    expect(bar).toHaveAccessibleName(
      'Books close, 31 May, Settlement, kaikei-ka',
    );
    expect(bar.closest('[role=list]')).toHaveAccessibleName('Settlement');
    expect(bar).toHaveAttribute('data-shape', 'day');
    expect(bar).toHaveAttribute('data-label-outside', 'true');
    // A date known to a part of a month only is drawn as such.
    expect(
      screen.getByTestId('timeline-bar-dai1kai-teireikai'),
    ).toHaveAttribute('data-shape', 'part');
    // The legend says what the shapes mean.
    expect(
      within(screen.getByTestId('timeline-legend'))
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Dates fixed',
      'Approximate: part of a month (early, mid, late) or whole months',
      'A single day',
      'Today',
    ]);
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
