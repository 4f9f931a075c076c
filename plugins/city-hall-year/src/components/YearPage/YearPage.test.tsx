import { fireEvent, screen, within } from '@testing-library/react';
import { resolveFiscalYear } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeChange } from '../../__testUtils__/fakeChange';
import { renderYearPage } from '../../__testUtils__/renderYearPage';

describe('YearPage', () => {
  it('shows the current fiscal year as a timeline, in both year systems', async () => {
    const api = await renderYearPage();
    const current = resolveFiscalYear(new Date());

    expect(
      await screen.findByTestId('timeline-bar-shutsuno-heisa'),
    ).toHaveTextContent('Books close');
    expect(api.requestedYears).toContain(current);
    expect(screen.getByTestId('fiscal-year-label')).toHaveTextContent(
      `FY${current}`,
    );
    // The era is for Japanese readers: an English reader sees FY2026 alone.
    expect(screen.getByTestId('fiscal-year-label')).not.toHaveTextContent(
      '令和',
    );
    expect(
      within(screen.getByTestId('timeline-lane-council')).getByText(
        'First regular session',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('now-and-next')).toBeInTheDocument();
    // Steps held as needed have no bar, but the year lists them.
    expect(
      within(screen.getByTestId('as-needed')).getByText(
        'Extraordinary session',
      ),
    ).toBeInTheDocument();
  });

  it('switches to the month list, where a span is listed in every month it touches', async () => {
    await renderYearPage();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    fireEvent.click(screen.getByRole('tab', { name: 'Month by month' }));

    const may = await screen.findByTestId('month-5');
    const current = resolveFiscalYear(new Date());
    expect(within(may).getByText('Books close')).toBeInTheDocument();
    expect(
      within(may).getByText(new RegExp(`FY${current - 1}`)),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('month-2')).getByText('First regular session'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('month-3')).getByText('First regular session'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('month-7')).queryByText(
        'First regular session',
      ),
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

  it('marks entries changed since the last look, lists them, and forgets them once seen', async () => {
    const api = await renderYearPage({
      changes: {
        lastSeenAt: '2026-05-01T00:00:00.000Z',
        changes: [fakeChange({ changedFields: ['summary', 'timing'] })],
      },
    });
    const banner = await screen.findByTestId('changes-since');
    expect(banner).toHaveTextContent('2026/05/01 09:00');
    expect(banner).toHaveTextContent('1 entries changed');
    fireEvent.click(within(banner).getByText('Show the changes'));
    expect(screen.getByTestId('change-shutsuno-heisa')).toHaveTextContent(
      'Changed: Summary, When',
    );
    expect(screen.getByTestId('change-shutsuno-heisa')).toHaveTextContent(
      'nakamura.emi',
    );

    fireEvent.click(screen.getByRole('tab', { name: 'Month by month' }));
    const may = await screen.findByTestId('month-5');
    expect(within(may).getByTestId('changed-marker')).toHaveTextContent(
      'Updated',
    );
    const april = screen.getByTestId('month-4');
    expect(within(april).queryByTestId('changed-marker')).toBeNull();

    fireEvent.click(screen.getByTestId('changes-mark-seen'));
    await screen.findByTestId('month-5');
    expect(api.seen).toHaveLength(1);
  });

  it('remembers a first visit without showing changes', async () => {
    const api = await renderYearPage();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    expect(screen.queryByTestId('changes-since')).toBeNull();
    expect(api.seen).toHaveLength(1);
  });

  it('links the courses and feeds for everyone, and the HR pages only for HR', async () => {
    await renderYearPage();
    const nav = await screen.findByTestId('year-nav');
    expect(nav).toHaveTextContent('Training courses');
    expect(nav).toHaveTextContent('Calendar feeds');
    expect(nav).not.toHaveTextContent('Hand-over');
  });
});
