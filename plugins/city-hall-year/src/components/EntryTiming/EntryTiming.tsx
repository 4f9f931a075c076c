import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  describeTimingRule,
  fiscalYearLabels,
  occurrenceLabel,
  type Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEntryTitles } from '../../hooks/useEntryTitles';
import { inLanguage, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { useYear } from '../../hooks/useYear';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * When an entry happens in one fiscal year (its dates as the year view resolves them),
 * then how it recurs and its note, all in the reader's language: the rules in words
 * (「6月上旬〜7月」, "early June – July"), another entry by its title.
 */
export function EntryTiming(props: { entry: Entry; fiscalYear: number }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const { value: year } = useYear(props.fiscalYear);
  const { timing } = props.entry;
  const titles = useEntryTitles(
    timing.rules.flatMap(r => (r.kind === 'relative' ? [r.entry] : [])),
  );
  const occurrences =
    year?.occurrences.filter(o => o.slug === props.entry.slug) ?? [];
  const label = fiscalYearLabels(props.fiscalYear)[language];
  const separator = language === 'ja' ? '、' : '; ';
  // The recurring rules only: a year's own dates are in the dates above.
  const recurs = [
    ...timing.rules.map(r =>
      describeTimingRule(r, language, slug => titles.get(slug) ?? slug),
    ),
    ...(timing.asNeeded ? [t('entry.asNeeded')] : []),
  ].join(separator);
  const note = timing.note && inLanguage(timing.note, language);
  return (
    <Stack spacing={1} data-testid="entry-timing">
      {timing.asNeeded && occurrences.length === 0 && (
        <Typography>{t('entry.asNeeded')}</Typography>
      )}
      {occurrences.map(o => (
        <Typography
          key={`${o.start}-${o.end}`}
          variant="h6"
          component="p"
          data-testid="entry-occurrence"
        >
          {occurrenceLabel(o, language)}
          {o.councilSessionLabels && (
            <Typography component="span" variant="body2" sx={{ ml: 1 }}>
              {o.councilSessionLabels[language]}
            </Typography>
          )}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {label}・{t('entry.recurs')}: {recurs}
      </Typography>
      {note && (
        <Typography variant="body2" lang={note.lang}>
          {note.text}
        </Typography>
      )}
    </Stack>
  );
}
