import type {
  Question,
  QuestionAbilities,
} from '@internal/plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { EntryQuestions } from './EntryQuestions';

const entry = fakeEntry();

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    entryId: entry.id,
    entrySlug: entry.slug,
    title: 'Why can last year be paid in April?',
    body: 'It puzzled me.',
    anonymous: true,
    mine: false,
    status: 'open',
    meToo: { count: 2, mine: false },
    answers: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        questionId: '11111111-1111-4111-8111-111111111111',
        kind: 'answer',
        body: 'Until 31 May, debts fixed by 31 March may be paid.',
        author: 'user:default/nakamura.emi',
        byAsker: false,
        version: 1,
        createdAt: '2026-05-02T01:00:00Z',
        updatedAt: '2026-05-02T01:00:00Z',
      },
    ],
    version: 1,
    createdAt: '2026-05-01T01:00:00Z',
    updatedAt: '2026-05-01T01:00:00Z',
    ...overrides,
  };
}

async function renderQuestions(
  items: Question[],
  abilities: QuestionAbilities = { ask: true, answer: false, moderate: false },
) {
  const api = {
    ...createFakeApi(),
    listQuestions: jest.fn(async () => ({ items, abilities })),
    askQuestion: jest.fn(async () => question()),
    replyToQuestion: jest.fn(async () => question().answers[0]),
    resolveQuestion: jest.fn(async () => question({ status: 'resolved' })),
    setMeToo: jest.fn(async () => question()),
  };
  const toastApi = await renderInPlugin(<EntryQuestions entry={entry} />, {
    api,
  });
  return { api, toastApi };
}

describe('EntryQuestions', () => {
  it('shows an anonymous asker as a member of staff, and the answer with its author', async () => {
    await renderQuestions([question()]);
    const card = await screen.findByRole('article', {
      name: 'Why can last year be paid in April?',
    });
    expect(
      within(card).getByText(/A member of staff \(anonymous\)/),
    ).toBeInTheDocument();
    expect(within(card).getByText('Answer')).toBeInTheDocument();
    expect(within(card).getByText(/nakamura\.emi/)).toBeInTheDocument();
    // Neither the asker nor the department: nothing to settle, a comment to add.
    expect(within(card).queryByText('This answer settled it')).toBeNull();
    expect(
      within(card).getByRole('textbox', { name: 'Add a comment' }),
    ).toBeInTheDocument();
  });

  it('asks anonymously when the reader chooses so', async () => {
    const { api, toastApi } = await renderQuestions([]);
    expect(
      await screen.findByText('No questions yet. Be the first to ask.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Ask a question' }));
    fireEvent.change(
      screen.getByRole('textbox', { name: /Your question, in a line/ }),
      { target: { value: '  What is the closing of the accounts?  ' } },
    );
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Ask without showing my name to the department',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    await waitFor(() =>
      expect(api.askQuestion).toHaveBeenCalledWith(entry.slug, {
        title: 'What is the closing of the accounts?',
        body: '',
        anonymous: true,
      }),
    );
    await waitFor(() =>
      expect(toastApi.getToasts().map(t => t.title)).toContain(
        'Your question was sent to the department.',
      ),
    );
    // The list is asked again, so that the new question shows.
    expect(api.listQuestions).toHaveBeenCalledTimes(2);
  });

  it('lets the asker settle the question with an answer, and say nothing of 同じ疑問', async () => {
    const { api } = await renderQuestions([question({ mine: true })]);
    expect(
      await screen.findByText(
        'You asked this anonymously: the department does not see your name.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Same question/ })).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: 'This answer settled it' }),
    );
    await waitFor(() =>
      expect(api.resolveQuestion).toHaveBeenCalledWith(
        question().id,
        question().answers[0].id,
      ),
    );
  });

  it('answers as the department when the reader may answer', async () => {
    const { api } = await renderQuestions([question()], {
      ask: true,
      answer: true,
      moderate: false,
    });
    const reply = await screen.findByRole('textbox', {
      name: 'Answer as the department',
    });
    fireEvent.change(reply, { target: { value: 'Yes, until 31 May.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(api.replyToQuestion).toHaveBeenCalledWith(
        question().id,
        'answer',
        'Yes, until 31 May.',
      ),
    );
  });

  it('marks 同じ疑問 with its count', async () => {
    const { api } = await renderQuestions([question()]);
    const button = await screen.findByRole('button', {
      name: 'Same question (2)',
    });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(button);
    await waitFor(() =>
      expect(api.setMeToo).toHaveBeenCalledWith(question().id, true),
    );
  });
});
