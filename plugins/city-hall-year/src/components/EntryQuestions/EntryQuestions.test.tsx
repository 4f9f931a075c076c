import type {
  Question,
  QuestionAbilities,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import {
  mockPermissionApi,
  renderInPlugin,
} from '../../__testUtils__/renderInPlugin';
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

/** A signals API whose messages the test sends, channel by channel. */
function fakeSignals() {
  const listeners = new Map<string, (message: any) => void>();
  return {
    api: {
      subscribe(channel: string, onMessage: (message: any) => void) {
        listeners.set(channel, onMessage);
        return { unsubscribe: () => listeners.delete(channel) };
      },
    },
    send: (channel: string, message: object) =>
      act(() => listeners.get(channel)?.(message)),
  };
}

async function renderQuestions(
  items: Question[],
  abilities: QuestionAbilities = { ask: true, answer: false, moderate: false },
  options: {
    mayEditEntry?: boolean;
    signals?: ReturnType<typeof fakeSignals>;
    path?: string;
  } = {},
) {
  const api = {
    ...createFakeApi(),
    // The server's paging and filter, over the given questions.
    listQuestions: jest.fn(
      async (
        _slug: string,
        query: { status?: string; offset?: number; limit?: number } = {},
      ) => {
        const matching = items.filter(
          q => !query.status || q.status === query.status,
        );
        const offset = query.offset ?? 0;
        return {
          items: matching.slice(offset, offset + (query.limit ?? 20)),
          totalCount: matching.length,
          counts: {
            open: items.filter(q => q.status === 'open').length,
            resolved: items.filter(q => q.status === 'resolved').length,
          },
          abilities,
        };
      },
    ),
    getQuestion: jest.fn(async (id: string) =>
      question({ id, title: 'An older question' }),
    ),
    askQuestion: jest.fn(async () => question()),
    replyToQuestion: jest.fn(async () => question().answers[0]),
    resolveQuestion: jest.fn(async () => question({ status: 'resolved' })),
    setMeToo: jest.fn(async () => question()),
    addFaqItem: jest.fn(async () => ({
      id: '33333333-3333-4333-8333-333333333333',
      question: 'q',
      answer: 'a',
      entryVersion: 4,
    })),
  };
  const onEntryChanged = jest.fn();
  const toastApi = await renderInPlugin(
    <EntryQuestions
      entry={
        // The permission hook caches its answers per resource: an entry of its own
        // for the reader who may change it.
        options.mayEditEntry ? { ...entry, id: 'id-editable-entry' } : entry
      }
      onEntryChanged={onEntryChanged}
    />,
    {
      api,
      path: options.path,
      apis: [
        [permissionApiRef, mockPermissionApi(options.mayEditEntry ?? false)],
        ...(options.signals
          ? [[signalApiRef, options.signals.api] as const]
          : []),
      ],
    },
  );
  return { api, toastApi, onEntryChanged };
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
    expect(
      within(card).queryByTestId('question-anonymous-moderator'),
    ).toBeNull();
    // Neither the asker nor the department: nothing to settle, a comment to add.
    expect(within(card).queryByText('This answer settled it')).toBeNull();
    expect(
      within(card).getByRole('textbox', { name: 'Add a comment' }),
    ).toBeInTheDocument();
  });

  it('shows a moderator who asked an anonymous question, and that others do not see it', async () => {
    await renderQuestions([question({ askedBy: 'user:default/kimura.aoi' })], {
      ask: true,
      answer: true,
      moderate: true,
    });
    const card = await screen.findByRole('article', {
      name: 'Why can last year be paid in April?',
    });
    expect(within(card).getByText(/kimura\.aoi/)).toBeInTheDocument();
    expect(
      within(card).getByTestId('question-anonymous-moderator'),
    ).toHaveTextContent(
      'the department and other readers do not see this name',
    );
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

  it('lets the owners turn a resolved question into a FAQ item, starting from the answer that settled it', async () => {
    const resolved = question({
      status: 'resolved',
      resolvedAnswerId: question().answers[0].id,
    });
    const { api, onEntryChanged } = await renderQuestions(
      [
        resolved,
        question({
          id: '44444444-4444-4444-8444-444444444444',
          status: 'resolved',
          faqId: 'x',
        }),
      ],
      { ask: true, answer: true, moderate: false },
      { mayEditEntry: true },
    );
    // Only the question not yet in the FAQ offers it; the other says where it went.
    const add = await screen.findAllByTestId('question-make-faq');
    expect(add.map(b => b.textContent)).toEqual(['Add to the FAQ']);
    expect(screen.getByRole('link', { name: 'In the FAQ' })).toHaveAttribute(
      'href',
      '#faq',
    );
    fireEvent.click(add[0]);
    const dialog = await screen.findByRole('dialog', {
      name: 'Turn the question into a FAQ item',
    });
    expect(
      within(dialog).getByRole('textbox', { name: /Question/ }),
    ).toHaveValue(resolved.title);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Answer/ }), {
      target: { value: 'Debts fixed by 31 March are paid until 31 May.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.addFaqItem).toHaveBeenCalledWith(entry.slug, {
        question: resolved.title,
        answer: 'Debts fixed by 31 March are paid until 31 May.',
        fromQuestion: resolved.id,
      }),
    );
    await waitFor(() => expect(onEntryChanged).toHaveBeenCalled());
  });

  it('offers no FAQ to readers who may not change the entry', async () => {
    await renderQuestions(
      [
        question({
          status: 'resolved',
          resolvedAnswerId: question().answers[0].id,
        }),
      ],
      { ask: true, answer: true, moderate: false },
      { mayEditEntry: false },
    );
    await screen.findByRole('article');
    expect(screen.queryByRole('button', { name: 'Add to the FAQ' })).toBeNull();
  });

  it('shows a new answer without a reload when the entry is signalled, and says so', async () => {
    const signals = fakeSignals();
    const { api, onEntryChanged } = await renderQuestions(
      [question()],
      undefined,
      {
        signals,
      },
    );
    await screen.findByRole('article');
    expect(api.listQuestions).toHaveBeenCalledTimes(1);
    await signals.send(`city-hall-year:dialogue:${entry.id}`, {
      entryId: entry.id,
      event: 'question-answer',
    });
    await waitFor(() => expect(api.listQuestions).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The questions were updated.',
    );
    // A change of the FAQ is a change of the entry: the page reads it again.
    await signals.send(`city-hall-year:dialogue:${entry.id}`, {
      entryId: entry.id,
      event: 'faq-create',
    });
    await waitFor(() => expect(onEntryChanged).toHaveBeenCalled());
  });

  describe('many questions', () => {
    // 25 questions, newest first; every third resolved.
    const many = Array.from({ length: 25 }, (_, i) =>
      question({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `Question ${i + 1}`,
        status: i % 3 === 0 ? 'resolved' : 'open',
      }),
    );

    it('shows twenty at a time, and the next ones when asked', async () => {
      const { api } = await renderQuestions(many);
      await waitFor(() =>
        expect(screen.getAllByTestId('question')).toHaveLength(20),
      );
      const more = screen.getByTestId('question-more');
      expect(more).toHaveTextContent('Show 5 more (5 not shown)');
      fireEvent.click(more);
      await waitFor(() =>
        expect(screen.getAllByTestId('question')).toHaveLength(25),
      );
      expect(screen.queryByTestId('question-more')).toBeNull();
      expect(api.listQuestions).toHaveBeenLastCalledWith(entry.slug, {
        offset: 0,
        limit: 40,
      });
    });

    it('shows only the open or the resolved ones, with their counts', async () => {
      const { api } = await renderQuestions(many);
      expect(await screen.findByTestId('questions-all')).toHaveTextContent(
        'All (25)',
      );
      expect(screen.getByTestId('questions-open')).toHaveTextContent(
        'Open (16)',
      );
      fireEvent.click(screen.getByTestId('questions-resolved'));
      await waitFor(() =>
        expect(screen.getAllByTestId('question')).toHaveLength(9),
      );
      expect(api.listQuestions).toHaveBeenLastCalledWith(entry.slug, {
        status: 'resolved',
        offset: 0,
        limit: 20,
      });
      expect(screen.queryByTestId('question-more')).toBeNull();
    });

    it('shows the question a notification links to, also when it is older than the first page', async () => {
      const older = '99999999-9999-4999-8999-999999999999';
      const { api } = await renderQuestions(many, undefined, {
        path: `/#question-${older}`,
      });
      const linked = await screen.findByTestId('question-linked');
      expect(linked).toHaveTextContent('The question you were notified of');
      expect(linked).toHaveTextContent('An older question');
      expect(api.getQuestion).toHaveBeenCalledWith(older);
    });
  });
});
