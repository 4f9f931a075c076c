import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  FISCAL_MONTHS,
  fiscalYearLabels,
  occurrenceLabel,
  resolveFiscalYear,
  type YearOccurrence,
  type YearView,
} from '@internal/plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { entryRouteRef } from '../../routes';
import { monthName, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';

/** The months (1–12) an occurrence touches, in fiscal order. */
function monthsOf(occurrence: YearOccurrence): number[] {
  const months: number[] = [];
  let year = Number(occurrence.start.slice(0, 4));
  let month = Number(occurrence.start.slice(5, 7));
  const endKey = occurrence.end.slice(0, 7);
  for (let guard = 0; guard < 13; guard++) {
    months.push(month);
    if (`${year}-${String(month).padStart(2, '0')}` >= endKey) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

function OccurrenceRow(props: {
  occurrence: YearOccurrence;
  fiscalYear: number;
  ownerNames: Map<string, string>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const { occurrence } = props;
  const entryLink = useRouteRef(entryRouteRef);
  const entityLink = useRouteRef(entityRouteRef);
  const concerned =
    occurrence.concernedFiscalYear !== props.fiscalYear
      ? fiscalYearLabels(occurrence.concernedFiscalYear)
      : undefined;
  return (
    <Box
      component="li"
      data-testid={`occurrence-${occurrence.slug}`}
      sx={{ listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        flexWrap="wrap"
        useFlexGap
      >
        <CycleChip cycle={occurrence.cycle} />
        <Typography variant="body2" color="text.secondary">
          {occurrenceLabel(occurrence, language)}
        </Typography>
        {concerned && (
          <Typography variant="caption" color="text.secondary">
            {t('entry.concerns', {
              label: `${concerned.ja} / ${concerned.en}`,
            })}
          </Typography>
        )}
      </Stack>
      <Typography variant="subtitle1" component="h3" lang="ja">
        <Link to={entryLink({ slug: occurrence.slug })}>
          {occurrence.title.ja}
        </Link>
      </Typography>
      {occurrence.title.en && (
        <Typography variant="body2" color="text.secondary" lang="en">
          {occurrence.title.en}
        </Typography>
      )}
      <Typography variant="body2" lang="ja" sx={{ mt: 0.5 }}>
        {occurrence.summary.ja}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('entry.owner')}:{' '}
        <Link to={entityLink(parseEntityRef(occurrence.owner))}>
          {props.ownerNames.get(occurrence.owner) ??
            shortName(occurrence.owner)}
        </Link>
      </Typography>
    </Box>
  );
}

/** The fiscal year month by month, April first; the current month leads with what it means for you. */
export function MonthList(props: { year: YearView; today?: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { year } = props;
  const ownerNames = useOwnerNames(year.occurrences.map(o => o.owner));
  const byMonth = new Map<number, YearOccurrence[]>(
    FISCAL_MONTHS.map(m => [m, []]),
  );
  for (const occurrence of year.occurrences) {
    for (const month of monthsOf(occurrence)) {
      byMonth.get(month)?.push(occurrence);
    }
  }
  return (
    <Stack spacing={2} component="section" aria-label={t('monthList.title')}>
      {FISCAL_MONTHS.map(month => {
        const items = byMonth.get(month) ?? [];
        const isCurrent =
          props.today !== undefined &&
          Number(props.today.slice(5, 7)) === month &&
          resolveFiscalYear(props.today) === year.fiscalYear;
        return (
          <Card
            key={month}
            variant="outlined"
            data-testid={`month-${month}`}
            sx={
              isCurrent
                ? { borderColor: 'primary.main', borderWidth: 2 }
                : undefined
            }
          >
            <CardContent>
              {isCurrent && (
                <Typography variant="overline" color="primary">
                  {t('monthList.lead')}
                </Typography>
              )}
              <Typography variant="h6" component="h2">
                {monthName(month, 'ja')}{' '}
                <Typography component="span" color="text.secondary">
                  / {monthName(month, 'en')}
                </Typography>
              </Typography>
              {items.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('monthList.empty')}
                </Typography>
              ) : (
                <Box component="ul" sx={{ m: 0, p: 0 }}>
                  {items.map(o => (
                    <OccurrenceRow
                      ownerNames={ownerNames}
                      key={`${o.slug}-${o.start}`}
                      occurrence={o}
                      fiscalYear={year.fiscalYear}
                    />
                  ))}
                </Box>
              )}
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}
