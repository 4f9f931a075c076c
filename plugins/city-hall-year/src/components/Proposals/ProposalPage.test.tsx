import {
  editableFields,
  type Proposal,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { ProposalPage } from './ProposalPage';

fixToday('2026-12-01T03:00:00Z');

const entry = fakeEntry({}, { version: 4 });
const base = editableFields(fakeEntry());

function proposal(changes: Partial<Proposal> = {}): Proposal {
  return {
    id: '8f6f2a8e-4f55-4c8b-9a33-0d2f1d0c7a11',
    entryId: entry.id,
    entrySlug: entry.slug,
    entryTitle: entry.title,
    owner: entry.owner,
    status: 'open',
    fields: { ...base, summary: { ja: '例年5月31日に締め切ります。' } },
    basedOnVersion: 3,
    base,
    changedFields: ['summary'],
    entryVersion: 4,
    conflicts: [],
    reason: '締め切りの書き方が分かりにくかったです。',
    proposedBy: 'user:default/kimura.aoi',
    createdAt: '2026-11-30T01:00:00.000Z',
    updatedAt: '2026-11-30T01:00:00.000Z',
    version: 1,
    events: [
      {
        kind: 'proposed',
        actor: 'user:default/kimura.aoi',
        at: '2026-11-30T01:00:00.000Z',
        comment: '締め切りの書き方が分かりにくかったです。',
      },
    ],
    abilities: { review: true, revise: false },
    ...changes,
  };
}

async function renderProposal(shown: Proposal) {
  const api = {
    ...createFakeApi(),
    getProposal: jest.fn(async () => shown),
    getEntry: jest.fn(async () => entry),
    acceptProposal: jest.fn(
      async (): Promise<Proposal> => ({
        ...shown,
        status: 'accepted',
      }),
    ),
    reviewProposal: jest.fn(
      async (): Promise<Proposal> => ({
        ...shown,
        status: 'declined',
      }),
    ),
  };
  const toasts = await renderInPlugin(
    routes({ '/city-hall-year/proposals/:id': <ProposalPage /> }),
    { api, path: `/city-hall-year/proposals/${shown.id}` },
  );
  return { api, toasts };
}

describe('ProposalPage', () => {
  it('shows the reason, the change word by word and the entry changed since; the owners accept as proposed', async () => {
    const { api } = await renderProposal(proposal());
    expect(await screen.findByTestId('proposal-reason-text')).toHaveTextContent(
      '締め切りの書き方が分かりにくかったです。',
    );
    const diff = screen.getByTestId('proposal-diff-summary');
    expect(diff).toHaveTextContent('例年');
    expect(screen.getByTestId('proposal-changed-since')).toHaveTextContent(
      'version 3 → 4',
    );
    await userEvent.click(screen.getByTestId('proposal-accept'));
    expect(api.acceptProposal).toHaveBeenCalledWith(proposal().id, 1);
  });

  it('when both sides changed a field, asks which to keep and accepts the choice over the entry’s version', async () => {
    const { api } = await renderProposal(proposal({ conflicts: ['summary'] }));
    expect(await screen.findByTestId('proposal-conflicts')).toBeVisible();
    await userEvent.click(screen.getByTestId('proposal-accept'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'The proposal and the department’s own change meet',
      ),
    ).toBeVisible();
    await userEvent.click(within(dialog).getByLabelText('Keep it as it is'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Accept with these choices' }),
    );
    expect(api.acceptProposal).toHaveBeenCalledWith(proposal().id, 1, {
      fields: expect.objectContaining({ summary: entry.summary }),
      entryVersion: 4,
    });
  });

  it('declines only with words for the proposer', async () => {
    const { api } = await renderProposal(proposal());
    await userEvent.click(await screen.findByTestId('proposal-decline'));
    await userEvent.click(screen.getByTestId('proposal-comment-send'));
    expect(api.reviewProposal).not.toHaveBeenCalled();
    expect(
      await screen.findByText('Please write a few words for the proposer.'),
    ).toBeVisible();
    await userEvent.type(
      screen.getByTestId('proposal-comment'),
      '日付は条例で決まっています。',
    );
    await userEvent.click(screen.getByTestId('proposal-comment-send'));
    expect(api.reviewProposal).toHaveBeenCalledWith(
      proposal().id,
      'decline',
      '日付は条例で決まっています。',
      1,
    );
  });

  it('offers a reader only what is theirs to do', async () => {
    await renderProposal(
      proposal({
        status: 'declined',
        abilities: { review: false, revise: false },
        events: [
          ...proposal().events,
          {
            kind: 'declined',
            actor: 'user:default/nakamura.emi',
            at: '2026-11-30T03:00:00.000Z',
            comment: '日付は条例で決まっています。',
          },
        ],
      }),
    );
    expect(await screen.findByTestId('proposal-steps')).toHaveTextContent(
      '日付は条例で決まっています。',
    );
    expect(screen.queryByTestId('proposal-accept')).toBeNull();
    expect(screen.queryByTestId('proposal-withdraw')).toBeNull();
  });
});
