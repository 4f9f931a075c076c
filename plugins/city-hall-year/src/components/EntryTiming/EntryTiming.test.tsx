import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { EntryTiming } from './EntryTiming';

async function renderTiming(entry: ReturnType<typeof fakeEntry>) {
  const api = createFakeApi();
  await renderInTestApp(
    <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
      <EntryTiming entry={entry} fiscalYear={2030} />
    </TestApiProvider>,
  );
  return api;
}

describe('EntryTiming', () => {
  it('shows the dates of the given fiscal year in Japanese and English, and the rule', async () => {
    const api = await renderTiming(
      fakeEntry({
        timing: {
          rules: [{ kind: 'date', on: { month: 5, day: 31 } }],
          note: { ja: '土日なら翌営業日' },
        },
      }),
    );
    const date = await screen.findByTestId('entry-occurrence');
    expect(date).toHaveTextContent('5月31日 / 31 May');
    expect(api.requestedYears).toEqual([2030]);
    expect(screen.getByText(/令和12年度（FY2030）/)).toHaveTextContent(
      'How it recurs: 5月31日',
    );
    expect(screen.getByText('土日なら翌営業日')).toBeInTheDocument();
  });

  it('says "as needed" for a step with no date this year', async () => {
    await renderTiming(
      fakeEntry({ slug: 'rinjikai', timing: { asNeeded: true, rules: [] } }),
    );
    expect(await screen.findByText('Held as needed')).toBeInTheDocument();
    expect(screen.queryByTestId('entry-occurrence')).toBeNull();
  });
});
