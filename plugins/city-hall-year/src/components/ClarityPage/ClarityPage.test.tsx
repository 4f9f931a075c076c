import type { ClarityOverview } from '@internal/plugin-city-hall-year-common';
import { screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { ClarityPage } from './ClarityPage';

fixToday('2026-12-01T03:00:00Z');

const overview: ClarityOverview = {
  fiscalYear: 2026,
  months: [
    { month: '2026-04', readers: 20, unclear: 12 },
    { month: '2026-05', readers: 30, unclear: 15 },
  ],
  items: [
    {
      entrySlug: 'shutsuno-seiri-kikan',
      title: { ja: '出納整理期間' },
      owner: 'group:default/kaikei-ka',
      cycle: 'settlement',
      counts: { readers: 30, unclear: 11 },
      months: [],
      reasons: { terms: 9, timing: 0, relevance: 2, procedure: 0, other: 0 },
    },
    {
      entrySlug: 'yosan-yokyu',
      title: { ja: '予算要求' },
      owner: 'group:default/zaisei-ka',
      cycle: 'budget',
      counts: { readers: 4, unclear: 1 },
      months: [],
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
    expect(screen.getByTestId('clarity-chart')).toBeInTheDocument();
    expect(api.getClarityOverview).toHaveBeenCalledWith({ fiscalYear: 2026 });
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
