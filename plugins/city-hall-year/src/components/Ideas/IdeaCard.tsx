import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  Idea,
  IdeaStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { useGuideLanguage } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';
import { ToneChip } from '../ToneChip';
import { WrappingRow } from '../WrappingRow';

const COLORS: Record<IdeaStatus, 'default' | 'info' | 'success' | 'warning'> = {
  received: 'warning',
  considering: 'info',
  adopted: 'success',
  declined: 'default',
};

/** Where an idea stands, in words (colour only helps). */
export function IdeaStatusChip(props: { status: IdeaStatus }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (
    <ToneChip
      size="small"
      tone={COLORS[props.status]}
      label={t(`ideas.statuses.${props.status}`)}
      data-testid="idea-status"
      data-status={props.status}
    />
  );
}

/**
 * One process-review idea: what it says of the step, who wrote it (or 「匿名の職員」),
 * and the review office's public answer.
 */
export function IdeaCard(props: {
  idea: Idea;
  actorName: (ref: string) => string;
  /** What leads the card in a list across entries: the entry and its department. */
  heading?: ReactNode;
  onAnswer?: () => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const { idea, actorName } = props;
  const when = (iso: string) =>
    DateTime.fromISO(iso)
      .setZone('Asia/Tokyo')
      .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
      .toLocaleString(DateTime.DATETIME_MED);
  return (
    <Box
      component="article"
      id={`idea-${idea.id}`}
      data-testid="idea"
      sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}
    >
      <Stack spacing={1}>
        {props.heading}
        <WrappingRow spacing={1} alignItems="center">
          <IdeaStatusChip status={idea.status} />
          <Chip
            size="small"
            label={t(`ideas.suggestions.${idea.suggestion}`)}
          />
          <Typography variant="body2" color="text.secondary">
            {`${
              idea.author ? actorName(idea.author) : t('ideas.anonymousAuthor')
            }、${when(idea.createdAt)}`}
          </Typography>
        </WrappingRow>
        <Typography lang="ja" sx={{ whiteSpace: 'pre-wrap' }}>
          {idea.body}
        </Typography>
        {idea.mine && idea.anonymous && (
          <Typography variant="caption" color="text.secondary">
            {t('ideas.anonymousToOthers')}
          </Typography>
        )}
        {idea.answer && (
          <Box
            sx={{ pl: 2, borderLeft: 3, borderColor: 'primary.main' }}
            data-testid="idea-answer"
          >
            <Typography variant="subtitle2" component="p">
              {t('ideas.answerHeading')}
            </Typography>
            <Typography lang="ja" sx={{ whiteSpace: 'pre-wrap' }}>
              {idea.answer}
            </Typography>
            {idea.answeredBy && idea.answeredAt && (
              <Typography variant="caption" color="text.secondary">
                {t('ideas.answerBy', {
                  who: actorName(idea.answeredBy),
                  when: when(idea.answeredAt),
                })}
              </Typography>
            )}
          </Box>
        )}
        {props.onAnswer && idea.abilities.answer && (
          <div>
            <Button
              size="small"
              variant="outlined"
              onClick={props.onAnswer}
              data-testid="idea-set-status"
            >
              {t('ideas.setStatus')}
            </Button>
          </div>
        )}
      </Stack>
    </Box>
  );
}
