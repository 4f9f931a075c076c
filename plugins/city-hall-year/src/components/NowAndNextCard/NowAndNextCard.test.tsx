import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { YearView } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { rootRouteRef } from '../../routes';
import { NowAndNextCard } from './NowAndNextCard';

fixToday('2026-12-01T03:00:00Z');

/** Fiscal year 2026 with a December session and a January inspection added. */
function yearWithWinter(fiscalYear: number): YearView {
  const year = fakeYear(fiscalYear);
  const [session] = year.occurrences.filter(o => o.cycle === 'council');
  return {
    ...year,
    occurrences: [
      ...year.occurrences,
      {
        ...session,
        slug: 'dai4kai-teireikai',
        title: { ja: '第4回定例会' },
        start: '2026-11-25',
        end: '2026-12-18',
      },
      {
        ...session,
        slug: 'reigetsu-kensa',
        cycle: 'settlement',
        title: { ja: '例月出納検査' },
        start: '2026-12-20',
        end: '2026-12-20',
        precision: 'day',
      },
    ],
  };
}

/** The card on a home page, over the given API. */
async function renderCard(api: ReturnType<typeof createFakeApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
      <NowAndNextCard />
    </TestApiProvider>,
    { mountedRoutes: { '/city-hall-year': rootRouteRef } },
  );
}

describe('NowAndNextCard', () => {
  it('shows this month and the next 30 days of the current fiscal year, with a link to the year', async () => {
    const api = {
      ...createFakeApi(),
      getYear: jest.fn(async (fy: number) => yearWithWinter(fy)),
    };
    await renderCard(api);
    const thisMonth = await screen.findByTestId('now-this-month');
    expect(
      within(thisMonth).getByRole('link', { name: '第4回定例会' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/dai4kai-teireikai');
    // Listed once: it starts in the next 30 days, but this month already shows it.
    expect(within(thisMonth).getByText('例月出納検査')).toBeInTheDocument();
    expect(screen.getByTestId('now-next-30')).toHaveTextContent(
      'Nothing scheduled.',
    );
    // 1 December: the next 30 days stay in fiscal year 2026.
    expect(api.getYear.mock.calls).toEqual([[2026]]);
    expect(
      within(screen.getByTestId('now-and-next-card')).getByRole('link', {
        name: 'City Hall Year',
      }),
    ).toHaveAttribute('href', '/city-hall-year');
  });

  it('reports a year that cannot be loaded', async () => {
    const api = {
      ...createFakeApi(),
      getYear: jest.fn(async () => {
        throw new Error('backend is down');
      }),
    };
    await renderCard(api);
    expect(
      await screen.findByText('Error: backend is down', { selector: 'h6' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('now-this-month')).toBeNull();
  });

  it('offers to continue the courses the learner started and has not finished', async () => {
    const api = {
      ...createFakeApi(),
      getYear: jest.fn(async (fy: number) => yearWithWinter(fy)),
      listMyCourseProgress: jest.fn(async () => [
        {
          course: 'shinki-saiyo-shiyakusho-no-ichinen',
          title: { ja: '新規採用職員研修', en: 'New hires' },
          steps: 8,
          done: [1, 2, 3, 4].map(position => ({
            position,
            entrySlug: `step-${position}`,
            doneAt: '2026-06-01T00:00:00.000Z',
          })),
          finished: false,
          next: {
            position: 5,
            entrySlug: 'yosan-yokyu',
            title: { ja: '予算要求', en: 'Budget requests' },
          },
        },
        {
          course: 'kakaricho',
          title: { ja: '新任係長研修' },
          steps: 1,
          done: [
            {
              position: 1,
              entrySlug: 'kessan-ninte',
              doneAt: '2026-05-01T00:00:00.000Z',
            },
          ],
          finished: true,
        },
      ]),
    };
    await renderCard(api);
    const continuing = await screen.findByTestId('continue-course');
    expect(continuing).toHaveTextContent('Continue your course');
    expect(continuing).toHaveTextContent('4 of 8 steps done');
    expect(
      within(continuing).getByRole('link', {
        name: 'New hires: step 5, Budget requests',
      }),
    ).toHaveAttribute(
      'href',
      '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen/5',
    );
    // A finished course is not offered again.
    expect(continuing).not.toHaveTextContent('新任係長研修');
  });

  it('offers no course when the learner has none under way', async () => {
    const api = {
      ...createFakeApi(),
      getYear: jest.fn(async (fy: number) => yearWithWinter(fy)),
    };
    await renderCard(api);
    await screen.findByTestId('now-this-month');
    expect(screen.queryByTestId('continue-course')).toBeNull();
  });

  it('lists the signed-in person’s next steps of their own year, with their part', async () => {
    const api = {
      ...createFakeApi(),
      getYear: jest.fn(async (fy: number) => yearWithWinter(fy)),
      getMyYear: jest.fn(async (fy: number) => {
        const year = yearWithWinter(fy);
        return {
          ...year,
          occurrences: year.occurrences
            .filter(
              o => o.slug === 'reigetsu-kensa' || o.slug === 'teiki-jinji-ido',
            )
            .map(o => ({
              ...o,
              mine: {
                reasons: ['section' as const],
                notes: [
                  {
                    reason: 'section' as const,
                    role: 'sections' as const,
                    note: {
                      ja: '各課では：帳簿を用意します。',
                      en: 'Each section: prepares its books.',
                    },
                  },
                ],
              },
            })),
        };
      }),
    };
    await renderCard(api);
    const mine = await screen.findByTestId('my-next-steps');
    expect(api.getMyYear).toHaveBeenCalledWith(2026);
    expect(mine).toHaveTextContent('Your next steps');
    expect(
      within(mine).getByRole('link', { name: '例月出納検査' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/reigetsu-kensa');
    expect(mine).toHaveTextContent('Each section: prepares its books.');
    // April is past on 1 December.
    expect(mine).not.toHaveTextContent('Regular transfers');
    expect(
      within(mine).getByRole('link', { name: 'Your year' }),
    ).toHaveAttribute('href', '/city-hall-year?mine=true');
  });
});
