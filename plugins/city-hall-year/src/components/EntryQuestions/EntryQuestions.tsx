import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { useSignal } from '@backstage/plugin-signals-react';
import { VisuallyHidden } from '@backstage/ui';
import {
  dialogueChannel,
  entryUpdatePermission,
  type Entry,
  type FaqInput,
  type Question,
} from '@internal/plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { FaqItemDialog } from '../EntryFaq';
import { AskQuestionDialog } from './AskQuestionDialog';
import { QuestionCard, type QuestionActions } from './QuestionCard';

/**
 * The dialogue on an entry (対話): readers ask the department that owns it, the
 * department answers, others comment and say 「同じ疑問」. The server decides who may
 * do what and whom an anonymous question names; this only shows what it allows.
 */
export function EntryQuestions(props: {
  entry: Entry;
  /** Called when a question became a FAQ item: the entry changed. */
  onEntryChanged?: () => void;
}) {
  const { entry, onEntryChanged } = props;
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const [asking, setAsking] = useState(false);
  const [toFaq, setToFaq] = useState<{
    question: Question;
    initial: FaqInput;
  }>();
  const [announced, setAnnounced] = useState('');
  const { allowed: mayEditFaq } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: entry.id,
  });
  const { value, retry } = useAsyncRetry(
    () => api.listQuestions(entry.slug),
    [api, entry.slug],
  );
  // Someone answered, asked or changed the FAQ on this entry: read it again, so that
  // a new answer appears without a reload, and say so to screen readers.
  const { lastSignal } = useSignal<{ entryId: string; event: string }>(
    dialogueChannel(entry.id),
  );
  useEffect(() => {
    if (!lastSignal) return;
    retry();
    if (lastSignal.event.startsWith('faq-')) onEntryChanged?.();
    else setAnnounced(t('questions.updated'));
    // Only a new signal reloads; the callbacks change on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastSignal]);
  const names = useOwnerNames(
    (value?.items ?? []).flatMap(q => [
      ...(q.askedBy ? [q.askedBy] : []),
      ...q.answers.flatMap(a => (a.author ? [a.author] : [])),
    ]),
  );

  /** Runs a change; on success says so and reloads, on failure shows why. */
  const act = useChangeRunner(retry);
  const quietly = (change: () => Promise<unknown>, done?: string) =>
    act(change, done).catch(() => undefined);

  const actions: QuestionActions = {
    reply: (q, kind, body) =>
      act(() => api.replyToQuestion(q.id, kind, body), t('questions.sent')),
    resolve: (q, a) => quietly(() => api.resolveQuestion(q.id, a.id)),
    meToo: (q, on) => quietly(() => api.setMeToo(q.id, on)),
    withdraw: q =>
      quietly(
        () => api.deleteQuestion(q.id, q.version),
        t('questions.withdrawn'),
      ),
    ...(mayEditFaq
      ? {
          makeFaq: (q: Question) => {
            const settling = q.answers.find(a => a.id === q.resolvedAnswerId);
            setToFaq({
              question: q,
              initial: {
                question: q.title,
                answer: settling?.body ?? '',
                fromQuestion: q.id,
              },
            });
          },
        }
      : {}),
  };

  if (!value) return null;
  return (
    <EntrySection title={t('questions.title')} testId="entry-questions">
      <VisuallyHidden>
        <span role="status">{announced}</span>
      </VisuallyHidden>
      <Stack spacing={2}>
        <Typography variant="body2">{t('questions.lead')}</Typography>
        {value.abilities.ask && (
          <div>
            <Button
              variant="contained"
              onClick={() => setAsking(true)}
              data-testid="question-ask"
            >
              {t('questions.ask')}
            </Button>
          </div>
        )}
        {value.items.length === 0 && (
          <Typography color="text.secondary">{t('questions.none')}</Typography>
        )}
        {value.items.map(q => (
          <QuestionCard
            key={q.id}
            question={q}
            abilities={value.abilities}
            names={names}
            actions={actions}
          />
        ))}
      </Stack>
      <AskQuestionDialog
        open={asking}
        entryTitle={entry.title.ja}
        onClose={() => setAsking(false)}
        onAsk={async input => {
          await act(
            () => api.askQuestion(entry.slug, input),
            t('questions.asked'),
          );
          setAsking(false);
        }}
      />
      <FaqItemDialog
        open={toFaq !== undefined}
        title={t('faq.dialogFromQuestion')}
        initial={toFaq?.initial ?? { question: '', answer: '' }}
        onClose={() => setToFaq(undefined)}
        onSave={async input => {
          await act(() => api.addFaqItem(entry.slug, input), t('faq.saved'));
          setToFaq(undefined);
          onEntryChanged?.();
        }}
      />
    </EntrySection>
  );
}
