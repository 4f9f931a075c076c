import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { useSignal } from '@backstage/plugin-signals-react';
import { VisuallyHidden } from '@backstage/ui';
import {
  DIALOGUE_LIMITS,
  dialogueChannel,
  entryUpdatePermission,
  type Entry,
  type FaqInput,
  type Question,
  type QuestionList,
  type QuestionStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { FaqItemDialog } from '../EntryFaq';
import { AskQuestionDialog } from './AskQuestionDialog';
import { QuestionCard, type QuestionActions } from './QuestionCard';
import { useLocalize } from '../../hooks/useGuideLanguage';

const PAGE = DIALOGUE_LIMITS.questionsPerPage;
const LARGEST_PAGE = DIALOGUE_LIMITS.maxQuestionsPerPage;

/** The question a notification links to: `#question-<id>`. */
function linkedQuestionId(hash: string): string | undefined {
  return /^#question-([0-9a-f-]{36})$/i.exec(hash)?.[1];
}

/**
 * The dialogue on an entry (対話): readers ask the department that owns it, the
 * department answers, others comment and say 「同じ疑問」. The server decides who may
 * do what and whom an anonymous question names; this only shows what it allows.
 * The newest questions come first, twenty at a time, all or the open or resolved
 * ones; a question a notification links to is shown even when it is older.
 */
export function EntryQuestions(props: {
  entry: Entry;
  /** Called when a question became a FAQ item: the entry changed. */
  onEntryChanged?: () => void;
}) {
  const { entry, onEntryChanged } = props;
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
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
  const [status, setStatus] = useState<QuestionStatus>();
  const [wanted, setWanted] = useState<number>(PAGE);
  const linkedId = linkedQuestionId(useLocation().hash);
  // The first `wanted` questions, read again as one list whenever anything changed.
  const { value, retry, loading } = useAsyncRetry(async () => {
    const pages: QuestionList[] = [];
    for (let offset = 0; offset < wanted; offset += LARGEST_PAGE) {
      const page = await api.listQuestions(entry.slug, {
        ...(status ? { status } : {}),
        offset,
        limit: Math.min(LARGEST_PAGE, wanted - offset),
      });
      pages.push(page);
      if (offset + page.items.length >= page.totalCount) break;
    }
    const seen = new Set<string>();
    const items = pages
      .flatMap(p => p.items)
      // A question asked between two pages shifts the rest by one.
      .filter(q => !seen.has(q.id) && seen.add(q.id));
    const linked =
      linkedId && !seen.has(linkedId)
        ? await api.getQuestion(linkedId).catch(() => undefined)
        : undefined;
    return { ...pages[pages.length - 1], items, linked };
  }, [api, entry.slug, status, wanted, linkedId]);
  // Once the questions are there, bring the linked one into view.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!value || !linkedId || scrolled.current) return;
    scrolled.current = true;
    document.getElementById(`question-${linkedId}`)?.scrollIntoView?.();
  }, [value, linkedId]);
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
    [...(value?.linked ? [value.linked] : []), ...(value?.items ?? [])].flatMap(
      q => [
        ...(q.askedBy ? [q.askedBy] : []),
        ...q.answers.flatMap(a => (a.author ? [a.author] : [])),
      ],
    ),
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
    <EntrySection
      title={t('questions.title')}
      testId="entry-questions"
      id="questions"
    >
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
        {value.counts.open + value.counts.resolved > 0 && (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={status ?? 'all'}
            onChange={(_, next: QuestionStatus | 'all' | null) => {
              if (!next) return;
              setStatus(next === 'all' ? undefined : next);
              setWanted(PAGE);
            }}
            aria-label={t('questions.filter')}
            sx={{ flexWrap: 'wrap' }}
          >
            {(['all', 'open', 'resolved'] as const).map(kind => (
              <ToggleButton
                key={kind}
                value={kind}
                data-testid={`questions-${kind}`}
              >
                {t('questions.filterCount', {
                  label: t(
                    kind === 'all' ? 'questions.all' : `questions.${kind}`,
                  ),
                  n: String(
                    kind === 'all'
                      ? value.counts.open + value.counts.resolved
                      : value.counts[kind],
                  ),
                })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
        {value.linked && (
          <Stack spacing={0.5} data-testid="question-linked">
            <Typography variant="body2" color="text.secondary">
              {t('questions.linked')}
            </Typography>
            <QuestionCard
              question={value.linked}
              abilities={value.abilities}
              names={names}
              actions={actions}
            />
          </Stack>
        )}
        {value.items.length === 0 && (
          <Typography color="text.secondary">
            {t(status ? 'questions.noneOfStatus' : 'questions.none')}
          </Typography>
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
        {value.items.length < value.totalCount && (
          <div>
            <Button
              variant="outlined"
              disabled={loading}
              onClick={() => setWanted(value.items.length + PAGE)}
              data-testid="question-more"
            >
              {t('questions.more', {
                n: String(
                  Math.min(PAGE, value.totalCount - value.items.length),
                ),
                rest: String(value.totalCount - value.items.length),
              })}
            </Button>
          </div>
        )}
      </Stack>
      <AskQuestionDialog
        open={asking}
        entryTitle={localize(entry.title)}
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
