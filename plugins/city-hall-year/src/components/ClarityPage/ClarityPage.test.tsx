import type { ClarityOverview } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { ClarityPage } from './ClarityPage';

fixToday('2026-12-01T03:00:00Z');

const months = [
  { month: '2026-04', readers: 20, unclear: 12 },
  { month: '2026-05', readers: 34, unclear: 12 },
];
const everyone = { entries: 2, counts: { readers: 34, unclear: 12 }, months };
const overview: ClarityOverview = {
  fiscalYear: 2026,
  months,
  breakdown: {
    owners: [
      {
        owner: 'group:default/kaikei-ka',
        entries: 1,
        counts: { readers: 30, unclear: 11 },
        months: [
          { month: '2026-04', readers: 18, unclear: 11 },
          { month: '2026-05', readers: 30, unclear: 11 },
        ],
      },
      {
        owner: 'group:default/zaisei-ka',
        entries: 1,
        counts: { readers: 4, unclear: 1 },
        months: [
          { month: '2026-04', readers: 2, unclear: 1 },
          { month: '2026-05', readers: 4, unclear: 1 },
        ],
      },
    ],
    cycles: [
      {
        cycle: 'settlement',
        entries: 1,
        counts: { readers: 30, unclear: 11 },
        months,
      },
      {
        cycle: 'budget',
        entries: 1,
        counts: { readers: 4, unclear: 1 },
        months,
      },
    ],
    courses: [
      {
        course: 'yosan-kessan-no-tsunagari',
        title: {
          ja: '予算と決算のつながり',
          en: 'How budget and settlement connect',
        },
        ...everyone,
      },
    ],
    audiences: {
      everyone,
      newStaff: {
        entries: 2,
        counts: { readers: 8, unclear: 2 },
        months: [
          { month: '2026-04', readers: 8, unclear: 6 },
          { month: '2026-05', readers: 8, unclear: 2 },
        ],
      },
    },
  },
  items: [
    {
      entrySlug: 'shutsuno-seiri-kikan',
      title: { ja: '出納整理期間' },
      owner: 'group:default/kaikei-ka',
      cycle: 'settlement',
      counts: { readers: 30, unclear: 11 },
      months: [],
      openQuestions: 2,
      reasons: { terms: 9, timing: 0, relevance: 2, procedure: 0, other: 0 },
    },
    {
      entrySlug: 'yosan-yokyu',
      title: { ja: '予算要求' },
      owner: 'group:default/zaisei-ka',
      cycle: 'budget',
      counts: { readers: 4, unclear: 1 },
      months: [],
      openQuestions: 0,
    },
  ],
};

async function renderAt(path: string) {
  const api = {
    ...createFakeApi(),
    getClarityOverview: jest.fn(async () => overview),
  };
  await renderInPlugin(routes({ '/city-hall-year/clarity': <ClarityPage /> }), {
    api,
    path,
  });
  return api;
}

describe('ClarityPage', () => {
  it('lists the entries with the index beside its counts, and the reasons where sent', async () => {
    const api = await renderAt('/city-hall-year/clarity');
    const rows = await screen.findAllByTestId('clarity-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('37% (11 of 30)')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText(
        'The terms are hard 9、How it relates to my work 2',
      ),
    ).toBeInTheDocument();
    // Reasons not sent (not the caller's to read): a dash, not zero.
    expect(within(rows[1]).getByText('—')).toBeInTheDocument();
    // Open questions beside the index, linked to the entry's questions.
    expect(
      within(rows[0]).getByText('Open questions: 2').closest('a'),
    ).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-seiri-kikan#questions',
    );
    expect(within(rows[1]).queryByText(/Open questions/)).toBeNull();
    expect(screen.getByTestId('clarity-chart')).toBeInTheDocument();
    expect(api.getClarityOverview).toHaveBeenCalledWith({ fiscalYear: 2026 });
  });

  it('takes the entries together by department, cycle, course and audience', async () => {
    await renderAt('/city-hall-year/clarity');
    const groups = async () =>
      (await screen.findAllByTestId('clarity-group-row')).map(
        row => row.textContent,
      );
    // By department first, each with its answers and how it moved since April.
    expect(await groups()).toEqual([
      expect.stringContaining('37% (11 of 30 answers)'),
      expect.stringContaining('25% (1 of 4 answers)'),
    ]);
    expect((await groups())[0]).toContain('Apr 61% → May 37%');

    fireEvent.click(screen.getByTestId('clarity-by-cycles'));
    await waitFor(async () =>
      expect((await groups())[0]).toContain('Settlement'),
    );

    fireEvent.click(screen.getByTestId('clarity-by-courses'));
    // In the reader's language (English here), linked to the course.
    const course = (
      await screen.findByText('How budget and settlement connect')
    ).closest('a');
    expect(course).toHaveAttribute(
      'href',
      '/city-hall-year/courses/yosan-kessan-no-tsunagari',
    );

    // The year's new staff beside everyone.
    fireEvent.click(screen.getByTestId('clarity-by-audiences'));
    await waitFor(async () =>
      expect(await groups()).toEqual([
        expect.stringContaining('Everyone'),
        expect.stringMatching(
          /New staff this year.*25% \(2 of 8 answers\).*Apr 75% → May 25%/,
        ),
      ]),
    );
    // And the chart draws both lines.
    expect(screen.getByTestId('clarity-chart')).toHaveTextContent(
      /New staff this year: April: 6 of 8 still unclear/,
    );
  });

  it('asks for one department when the address names it', async () => {
    const api = await renderAt(
      '/city-hall-year/clarity?owner=group%3Adefault%2Fkaikei-ka&fy=2025',
    );
    await waitFor(() =>
      expect(api.getClarityOverview).toHaveBeenCalledWith({
        owner: 'group:default/kaikei-ka',
        fiscalYear: 2025,
      }),
    );
  });
});
