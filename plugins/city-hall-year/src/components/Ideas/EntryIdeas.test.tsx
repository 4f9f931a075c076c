import type {
  Idea,
  IdeaList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { EntryIdeas } from './EntryIdeas';

fixToday('2026-12-01T03:00:00Z');

const entry = fakeEntry();

function idea(changes: Partial<Idea> = {}): Idea {
  return {
    id: '3c1f0d5e-2b7a-4a55-9d1e-6a0c2f1b9e01',
    entryId: entry.id,
    entrySlug: entry.slug,
    entryTitle: entry.title,
    owner: entry.owner,
    suggestion: 'stop',
    body: '同じ照会が二度来ます。一つにできませんか。',
    anonymous: true,
    mine: false,
    status: 'considering',
    answer: '会計課と照会の統合を検討します。',
    answeredBy: 'user:default/tanaka.yuki',
    answeredAt: '2026-11-30T03:00:00.000Z',
    createdAt: '2026-11-29T03:00:00.000Z',
    updatedAt: '2026-11-30T03:00:00.000Z',
    version: 2,
    abilities: { answer: false },
    ...changes,
  };
}

function list(items: Idea[], answer = false): IdeaList {
  return {
    items,
    totalCount: items.length,
    counts: { received: 0, considering: items.length, adopted: 0, declined: 0 },
    abilities: { submit: true, answer },
  };
}

describe('EntryIdeas', () => {
  it('shows an anonymous idea without a name, with the public answer; sends a new one only with a reason', async () => {
    const api = {
      ...createFakeApi(),
      listEntryIdeas: jest.fn(async () => list([idea()])),
      submitIdea: jest.fn(async () => idea({ mine: true })),
    };
    await renderInPlugin(<EntryIdeas entry={entry} />, { api });
    const card = await screen.findByTestId('idea');
    expect(card).toHaveTextContent('A member of staff (anonymous)');
    expect(within(card).getByTestId('idea-answer')).toHaveTextContent(
      '会計課と照会の統合を検討します。',
    );
    expect(screen.queryByTestId('idea-set-status')).toBeNull();

    await userEvent.click(screen.getByTestId('idea-submit'));
    await userEvent.click(screen.getByLabelText('stopped'));
    await userEvent.click(screen.getByTestId('idea-send'));
    expect(api.submitIdea).not.toHaveBeenCalled();
    expect(
      screen.getByText('Please say what could change and why.'),
    ).toBeVisible();
    await userEvent.type(
      screen.getByTestId('idea-body'),
      '紙の回覧をやめられます。',
    );
    await userEvent.click(screen.getByTestId('idea-anonymous'));
    await userEvent.click(screen.getByTestId('idea-send'));
    expect(api.submitIdea).toHaveBeenCalledWith(entry.slug, {
      suggestion: 'stop',
      body: '紙の回覧をやめられます。',
      anonymous: true,
    });
  });

  it('lets the review office answer, with the idea’s version', async () => {
    const api = {
      ...createFakeApi(),
      listEntryIdeas: jest.fn(async () =>
        list(
          [
            idea({
              abilities: { answer: true },
              status: 'received',
              answer: undefined,
            }),
          ],
          true,
        ),
      ),
      setIdeaStatus: jest.fn(async () => idea()),
    };
    await renderInPlugin(<EntryIdeas entry={entry} />, { api });
    await userEvent.click(await screen.findByTestId('idea-set-status'));
    await userEvent.click(screen.getByTestId('idea-status-send'));
    expect(api.setIdeaStatus).not.toHaveBeenCalled();
    await userEvent.type(
      screen.getByTestId('idea-answer-input'),
      '検討します。',
    );
    await userEvent.click(screen.getByTestId('idea-status-send'));
    expect(api.setIdeaStatus).toHaveBeenCalledWith(idea().id, {
      status: 'considering',
      answer: '検討します。',
      version: 2,
    });
  });
});
