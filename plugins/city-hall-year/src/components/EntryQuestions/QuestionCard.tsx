import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  DIALOGUE_LIMITS,
  type Answer,
  type AnswerKind,
  type Question,
  type QuestionAbilities,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GuideLanguage } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';
import { GuideMarkdown } from '../GuideMarkdown';
import { WrappingRow } from '../WrappingRow';
import { useGuideLanguage } from '../../hooks/useGuideLanguage';

/** What a question card asks its list to do; each resolves when the server agreed. */
export interface QuestionActions {
  reply: (question: Question, kind: AnswerKind, body: string) => Promise<void>;
  resolve: (question: Question, answer: Answer) => Promise<void>;
  meToo: (question: Question, on: boolean) => Promise<void>;
  withdraw: (question: Question) => Promise<void>;
  /** Opens the form that turns a resolved question into a FAQ item (owners, HR). */
  makeFaq?: (question: Question) => void;
}

const when = (iso: string, language: GuideLanguage) =>
  DateTime.fromISO(iso)
    .setZone('Asia/Tokyo')
    .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
    .toLocaleString(DateTime.DATETIME_MED);

/** One question with its replies, and what the viewer may do with it. */
export function QuestionCard(props: {
  question: Question;
  abilities: QuestionAbilities;
  names: ReadonlyMap<string, string>;
  actions: QuestionActions;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { question: q, abilities, names, actions } = props;
  const language = useGuideLanguage();
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const name = (ref?: string) => (ref ? names.get(ref) ?? ref : undefined);
  const asker = name(q.askedBy) ?? t('questions.anonymousAsker');
  const kind: AnswerKind = abilities.answer ? 'answer' : 'comment';
  const mayResolve = q.status === 'open' && (q.mine || abilities.answer);

  const send = async () => {
    setSending(true);
    try {
      await actions.reply(q, kind, reply.trim());
      setReply('');
    } finally {
      setSending(false);
    }
  };

  return (
    <Paper
      variant="outlined"
      component="article"
      id={`question-${q.id}`}
      aria-labelledby={`question-${q.id}-title`}
      data-testid="question"
      sx={{ p: 2 }}
    >
      <Stack spacing={1}>
        <WrappingRow spacing={1} alignItems="center">
          <Typography
            variant="subtitle1"
            component="h3"
            id={`question-${q.id}-title`}
            sx={{ fontWeight: 'bold' }}
            // The dialogue is written in Japanese, the guide's first language.
            lang="ja"
          >
            {q.title}
          </Typography>
          <Chip
            size="small"
            color={q.status === 'resolved' ? 'success' : 'default'}
            label={t(
              q.status === 'resolved' ? 'questions.resolved' : 'questions.open',
            )}
          />
        </WrappingRow>
        <Typography variant="body2" color="text.secondary">
          {`${asker} · ${when(q.createdAt, language)}`}
        </Typography>
        {q.mine && q.anonymous && (
          <Typography variant="body2" color="text.secondary">
            {t('questions.askedAnonymously')}
          </Typography>
        )}
        {!q.mine && q.anonymous && q.askedBy && (
          // Only moderators (HR) are sent who asked an anonymous question.
          <Typography
            variant="body2"
            color="text.secondary"
            data-testid="question-anonymous-moderator"
          >
            {t('questions.anonymousToDepartment')}
          </Typography>
        )}
        {q.body && (
          <div lang="ja">
            <GuideMarkdown content={q.body} />
          </div>
        )}

        {q.answers.map(a => (
          <Stack
            key={a.id}
            spacing={0.5}
            data-testid={`question-${a.kind}`}
            sx={{ pl: 2, borderLeft: 3, borderColor: 'divider' }}
          >
            <WrappingRow spacing={1} alignItems="center">
              <Chip
                size="small"
                variant="outlined"
                color={a.kind === 'answer' ? 'primary' : 'default'}
                label={t(
                  a.kind === 'answer'
                    ? 'questions.answer'
                    : 'questions.comment',
                )}
              />
              {q.resolvedAnswerId === a.id && (
                <Chip
                  size="small"
                  color="success"
                  label={t('questions.settledBy')}
                />
              )}
              <Typography variant="body2" color="text.secondary">
                {`${
                  name(a.author) ??
                  (a.byAsker
                    ? t('questions.asker')
                    : t('questions.anonymousAsker'))
                } · ${when(a.createdAt, language)}`}
              </Typography>
            </WrappingRow>
            <div lang="ja">
              <GuideMarkdown content={a.body} />
            </div>
            {mayResolve && a.kind === 'answer' && (
              <div>
                <Button
                  size="small"
                  onClick={() => actions.resolve(q, a)}
                  data-testid="question-resolve"
                >
                  {t('questions.resolveWith')}
                </Button>
              </div>
            )}
          </Stack>
        ))}

        <WrappingRow spacing={1} alignItems="center">
          {!q.mine && abilities.ask && (
            <Button
              size="small"
              variant={q.meToo.mine ? 'contained' : 'outlined'}
              aria-pressed={q.meToo.mine}
              onClick={() => actions.meToo(q, !q.meToo.mine)}
              data-testid="question-me-too"
            >
              {t(q.meToo.mine ? 'questions.meTooMine' : 'questions.meToo', {
                count: q.meToo.count,
              })}
            </Button>
          )}
          {q.mine && (
            <Button
              size="small"
              color="inherit"
              onClick={() => actions.withdraw(q)}
            >
              {t('questions.withdraw')}
            </Button>
          )}
          {q.faqId && (
            <Chip
              size="small"
              variant="outlined"
              component="a"
              href="#faq"
              clickable
              label={t('questions.inFaq')}
            />
          )}
          {q.status === 'resolved' && !q.faqId && actions.makeFaq && (
            <Button
              size="small"
              variant="outlined"
              onClick={() => actions.makeFaq?.(q)}
              data-testid="question-make-faq"
            >
              {t('questions.makeFaq')}
            </Button>
          )}
        </WrappingRow>

        {(abilities.answer || abilities.ask) && (
          <Stack spacing={1}>
            <TextField
              label={t(
                kind === 'answer'
                  ? 'questions.replyAnswer'
                  : 'questions.replyComment',
              )}
              helperText={t('questions.replyLabel')}
              value={reply}
              onChange={e => setReply(e.target.value)}
              inputProps={{
                maxLength: DIALOGUE_LIMITS.bodyLength,
                'data-testid': `question-reply-${kind}`,
              }}
              multiline
              minRows={2}
              size="small"
            />
            <div>
              <Button
                variant="outlined"
                size="small"
                onClick={send}
                disabled={sending || reply.trim().length === 0}
                data-testid="question-send"
              >
                {t('questions.send')}
              </Button>
            </div>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
