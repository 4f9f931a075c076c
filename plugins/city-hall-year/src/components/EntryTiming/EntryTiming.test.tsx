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
  it('shows the dates of the given fiscal year and the rule in the reader’s language', async () => {
    const api = await renderTiming(
      fakeEntry({
        timing: {
          rules: [{ kind: 'date', on: { month: 5, day: 31 } }],
          note: { ja: '土日なら翌営業日' },
        },
      }),
    );
    const date = await screen.findByTestId('entry-occurrence');
    expect(date).toHaveTextContent(/^31 May$/);
    expect(api.requestedYears).toEqual([2030]);
    expect(screen.getByText(/FY2030/)).toHaveTextContent(
      /^FY2030・How it recurs: 31 May$/,
    );
    // A note with no English is shown in Japanese, marked as such.
    expect(screen.getByText('土日なら翌営業日')).toHaveAttribute('lang', 'ja');
  });

  it('names the step a relative rule counts from by its title', async () => {
    await renderTiming(
      fakeEntry({
        slug: 'kessan-chosei',
        timing: {
          rules: [
            {
              kind: 'relative',
              entry: 'shutsuno-heisa',
              offsetDays: 92,
            },
          ],
          note: { ja: '8月末まで', en: 'By the end of August' },
        },
      }),
    );
    expect(
      await screen.findByText(/92 days after the start of Books close/),
    ).toBeInTheDocument();
    expect(screen.getByText('By the end of August')).toHaveAttribute(
      'lang',
      'en',
    );
  });

  it('says "as needed" for a step with no date this year', async () => {
    await renderTiming(
      fakeEntry({ slug: 'rinjikai', timing: { asNeeded: true, rules: [] } }),
    );
    expect(await screen.findByText('Held as needed')).toBeInTheDocument();
    expect(screen.queryByTestId('entry-occurrence')).toBeNull();
  });
});
