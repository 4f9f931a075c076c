import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, within } from '@testing-library/react';
import { createFakeApi, fakeMyYear } from '../../__testUtils__/fakeYear';
import {
  mockPermissionApi,
  renderInPlugin,
} from '../../__testUtils__/renderInPlugin';
import { fixToday } from '../../__testUtils__/fixedToday';
import { YearPage } from '../YearPage';

fixToday('2026-05-10T03:00:00Z');

async function renderMyYear(path = '/city-hall-year') {
  const api = {
    ...createFakeApi(),
    getMyYear: jest.fn(async (fy: number) => fakeMyYear(fy)),
  };
  await renderInPlugin(<YearPage />, {
    api,
    apis: [[permissionApiRef, mockPermissionApi(false)]],
    path,
  });
  return api;
}

describe('あなたの一年 on the year page', () => {
  it('switches to the reader’s own year, with their part first and their first year in order', async () => {
    const api = await renderMyYear();
    await screen.findByTestId('timeline-bar-shutsuno-heisa');
    expect(api.getMyYear).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('year-mine'));
    expect(await screen.findByTestId('first-year')).toBeInTheDocument();
    expect(api.getMyYear).toHaveBeenCalledWith(2026);
    // The council session is not theirs: only their steps are on the timeline.
    expect(screen.getByTestId('timeline-bar-shutsuno-heisa')).toBeVisible();
    expect(screen.queryByText('First regular session')).toBeNull();
    const firstYear = screen.getByTestId('first-year');
    expect(
      within(firstYear).getByTestId('first-year-teiki-jinji-ido'),
    ).toHaveTextContent('You receive your appointment.');
    expect(
      within(firstYear).queryByTestId('first-year-shutsuno-heisa'),
    ).toBeNull();
    expect(
      within(firstYear).getByRole('link', {
        name: 'Follow the new hires’ course',
      }),
    ).toHaveAttribute(
      'href',
      '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
    );

    // In the month list, what their part is comes before the summary.
    fireEvent.click(screen.getByRole('tab', { name: 'Month by month' }));
    const row = await screen.findByTestId('occurrence-shutsuno-heisa');
    expect(within(row).getByTestId('my-reason')).toHaveTextContent(
      'Every section',
    );
    const note = within(row).getByTestId('my-note');
    expect(note).toHaveTextContent(
      'Each section: settles its payments by 31 May.',
    );
    expect(
      note.compareDocumentPosition(within(row).getByText('Summary')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    // Back to the whole year.
    fireEvent.click(screen.getByTestId('year-all'));
    expect(
      (await screen.findAllByText('First regular session')).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('first-year')).toBeNull();
  });

  it('opens the reader’s own year from a link (?mine=true)', async () => {
    const api = await renderMyYear('/city-hall-year?mine=true&view=wheel');
    expect(await screen.findByTestId('first-year')).toBeInTheDocument();
    expect(api.getMyYear).toHaveBeenCalledWith(2026);
    expect(screen.getByTestId('year-mine')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
