import type { EntryClarity } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { ClarityPrompt } from './ClarityPrompt';

const clarity = (overrides: Partial<EntryClarity> = {}): EntryClarity => ({
  entrySlug: 'shutsuno-heisa',
  fiscalYear: 2026,
  counts: { readers: 30, unclear: 11 },
  months: [],
  ...overrides,
});

async function renderPrompt(initial: EntryClarity) {
  const api = {
    ...createFakeApi(),
    getClarity: jest.fn(async () => initial),
    answerClarity: jest.fn(async () =>
      clarity({
        counts: { readers: 31, unclear: 12 },
        mine: {
          clear: false,
          reasons: ['terms'],
          answeredAt: '2026-10-20T00:00:00Z',
        },
      }),
    ),
  };
  const toastApi = await renderInPlugin(
    <ClarityPrompt entrySlug="shutsuno-heisa" />,
    { api },
  );
  return { api, toastApi };
}

describe('ClarityPrompt', () => {
  it('shows the index with its counts, never a bare percentage', async () => {
    await renderPrompt(clarity());
    expect(
      await screen.findByText('Still-unclear index 37% (11 of 30 readers)'),
    ).toBeInTheDocument();
  });

  it('says so when nobody has answered', async () => {
    await renderPrompt(clarity({ counts: { readers: 0, unclear: 0 } }));
    expect(
      await screen.findByText('Nobody has answered yet this fiscal year.'),
    ).toBeInTheDocument();
  });

  it('sends "still unclear" with the reasons and comment the reader chose', async () => {
    const { api, toastApi } = await renderPrompt(clarity());
    fireEvent.click(
      await screen.findByRole('button', { name: 'Still unclear' }),
    );
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'The terms are hard' }),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /In your words/ }), {
      target: { value: '  出納整理期間がわからない ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(api.answerClarity).toHaveBeenCalledWith('shutsuno-heisa', {
        clear: false,
        reasons: ['terms'],
        comment: '出納整理期間がわからない',
      }),
    );
    expect(
      await screen.findByText('Still-unclear index 39% (12 of 31 readers)'),
    ).toBeInTheDocument();
    expect(toastApi.getToasts().map(t => t.title)).toContain(
      'Thank you. You can change your answer at any time.',
    );
  });

  it('sends "clear" at once, without reasons', async () => {
    const { api } = await renderPrompt(clarity());
    fireEvent.click(
      await screen.findByRole('button', { name: 'Yes, I understand' }),
    );
    await waitFor(() =>
      expect(api.answerClarity).toHaveBeenCalledWith('shutsuno-heisa', {
        clear: true,
      }),
    );
  });

  it('shows the owners the reasons and comments the server sends them', async () => {
    await renderPrompt(
      clarity({
        reasons: { terms: 9, timing: 9, relevance: 2, procedure: 0, other: 0 },
        comments: [
          {
            comment: '出納閉鎖と出納整理期間の違いがわかりません',
            reasons: ['terms'],
            answeredAt: '2026-04-15T00:00:00Z',
          },
        ],
      }),
    );
    expect(
      await screen.findByText('The terms are hard: 9'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('How it relates to my work: 2'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/How the procedure flows:/)).toBeNull();
    expect(
      screen.getByText('出納閉鎖と出納整理期間の違いがわかりません'),
    ).toBeInTheDocument();
  });

  it('shows the reader their earlier answer', async () => {
    await renderPrompt(
      clarity({
        mine: { clear: true, reasons: [], answeredAt: '2026-05-01T00:00:00Z' },
      }),
    );
    expect(
      await screen.findByRole('button', { name: 'Yes, I understand' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });
});
