import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fiscalYearLabels,
  formatTimingNotation,
  occurrenceLabel,
  type Entry,
} from '@internal/plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useYear } from '../../hooks/useYear';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * When an entry happens in one fiscal year (its dates as the year view resolves them,
 * in Japanese and English), then how it recurs and its note.
 */
export function EntryTiming(props: { entry: Entry; fiscalYear: number }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value: year } = useYear(props.fiscalYear);
  const occurrences =
    year?.occurrences.filter(o => o.slug === props.entry.slug) ?? [];
  const labels = fiscalYearLabels(props.fiscalYear);
  return (
    <Stack spacing={1}>
      {props.entry.timing.asNeeded && occurrences.length === 0 && (
        <Typography>{t('entry.asNeeded')}</Typography>
      )}
      {occurrences.map(o => (
        <Typography
          key={`${o.start}-${o.end}`}
          variant="h6"
          component="p"
          data-testid="entry-occurrence"
        >
          {occurrenceLabel(o, 'ja')}
          <Typography component="span" color="text.secondary">
            {' '}
            / {occurrenceLabel(o, 'en')}
          </Typography>
          {o.councilSessionLabels && (
            <Typography component="span" variant="body2" sx={{ ml: 1 }}>
              {o.councilSessionLabels.ja}
            </Typography>
          )}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {labels.ja}（{labels.en}）・{t('entry.recurs')}:{' '}
        {/* The recurring rule only: the note is shown below, and a year's override is in the dates above. */}
        {formatTimingNotation({
          ...props.entry.timing,
          note: undefined,
          overrides: [],
        })
          .split('\n')
          .join('、')}
      </Typography>
      {props.entry.timing.note && (
        <Typography variant="body2">{props.entry.timing.note.ja}</Typography>
      )}
    </Stack>
  );
}
