import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  FISCAL_MONTHS,
  fiscalYearLabels,
  monthsOfOccurrence,
  occurrenceLabel,
  resolveFiscalYear,
  type GuideLanguage,
  type YearOccurrence,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import { Link as RouterLink } from 'react-router-dom';
import Typography from '@mui/material/Typography';
import { entryRouteRef } from '../../routes';
import {
  inLanguage,
  monthName,
  useGuideLanguage,
} from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useStepName } from '../../hooks/useStepNames';
import { cityHallYearTranslationRef } from '../../translation';
import { CYCLE_STYLES } from '../CycleChip';

/**
 * One step in a month. A year holds a thousand of these, so a row is plain elements
 * styled once by the list (see ROW_STYLES), not a tree of styled components.
 */
function OccurrenceRow(props: {
  occurrence: YearOccurrence;
  fiscalYear: number;
  ownerNames: ReadonlyMap<string, string>;
  labels: {
    owner: string;
    cycle: string;
    concerns?: string;
    /** Shown when the entry changed since the reader last looked. */
    changed?: string;
    /** In the reader's own year: why the step is theirs (各課で, 1年目 …). */
    mine?: string;
  };
  language: GuideLanguage;
  entryHref: string;
  ownerHref: string;
  /** What a screen reader says for the step: 「出納閉鎖, 5月31日, 決算, 会計課」. */
  name: string;
}) {
  const { occurrence } = props;
  const { color, Icon } = CYCLE_STYLES[occurrence.cycle];
  const title = inLanguage(occurrence.title, props.language);
  const summary = inLanguage(occurrence.summary, props.language);
  return (
    <li data-testid={`occurrence-${occurrence.slug}`}>
      <div className="meta">
        <span className="cycle" style={{ borderColor: color }}>
          <Icon fontSize="inherit" style={{ color }} />
          {props.labels.cycle}
        </span>
        <span>{occurrenceLabel(occurrence, props.language)}</span>
        {props.labels.concerns && (
          <span className="concerns">{props.labels.concerns}</span>
        )}
        {props.labels.mine && (
          <span className="mine" data-testid="my-reason">
            {props.labels.mine}
          </span>
        )}
        {props.labels.changed && (
          <span className="changed" data-testid="changed-marker">
            {props.labels.changed}
          </span>
        )}
      </div>
      <h3 lang={title.lang}>
        <RouterLink to={props.entryHref} aria-label={props.name}>
          {title.text}
        </RouterLink>
      </h3>
      {/* In the reader's own year, what their part is comes before the summary. */}
      {occurrence.mine?.notes.map(n => {
        const note = inLanguage(n.note, props.language);
        return (
          <p
            key={`${n.reason}-${n.role ?? n.group}`}
            className="my-note"
            lang={note.lang}
            data-testid="my-note"
          >
            {note.text}
          </p>
        );
      })}
      <p lang={summary.lang}>{summary.text}</p>
      <div className="owner">
        {props.labels.owner}:{' '}
        <RouterLink to={props.ownerHref}>
          {props.ownerNames.get(occurrence.owner) ??
            shortName(occurrence.owner)}
        </RouterLink>
      </div>
    </li>
  );
}

/** Styles of every row, defined once for the whole list. */
const ROW_STYLES = {
  m: 0,
  p: 0,
  '& li': { listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' },
  '& .meta': {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 1,
    alignItems: 'center',
    color: 'text.secondary',
    fontSize: 14,
  },
  '& .cycle': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 0.5,
    px: 1,
    border: '1px solid',
    borderRadius: 4,
    fontSize: 13,
    color: 'text.primary',
  },
  '& .concerns': { fontSize: 12 },
  '& h3': { m: 0, fontSize: 16, fontWeight: 500 },
  '& a': { color: 'primary.main' },
  '& p': { m: 0, mt: 0.5, fontSize: 14 },
  '& .owner': { color: 'text.secondary', fontSize: 12 },
  // A link inside a line of text is underlined, not told by colour alone (WCAG 1.4.1).
  '& .owner a': { textDecoration: 'underline' },
  '& .my-note': {
    borderLeft: 3,
    borderColor: 'primary.main',
    pl: 1,
    fontWeight: 500,
  },
  '& .mine': {
    border: '1px solid',
    borderColor: 'primary.main',
    color: 'text.primary',
    borderRadius: 1,
    px: 0.75,
    fontSize: 12,
  },
  '& .changed': {
    bgcolor: 'info.main',
    color: 'info.contrastText',
    borderRadius: 1,
    px: 0.75,
    fontSize: 12,
    fontWeight: 'bold',
  },
} as const;

/** The fiscal year month by month, April first; the current month leads with what it means for you. */
export function MonthList(props: {
  year: YearView;
  today?: string;
  /** Entries changed since the reader last looked; their rows carry a marker. */
  changedSlugs?: Set<string>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const entryLink = useRouteRef(entryRouteRef);
  const entityLink = useRouteRef(entityRouteRef);
  const { year } = props;
  const ownerNames = useOwnerNames(year.occurrences.map(o => o.owner));
  const stepName = useStepName(ownerNames);
  const ownerLabel = t('entry.owner');
  const changedLabel = t('changes.marker');
  const concernsLabel = (o: YearOccurrence) => {
    if (o.concernedFiscalYear === year.fiscalYear) return undefined;
    const labels = fiscalYearLabels(o.concernedFiscalYear);
    return t('entry.concerns', { label: labels[language] });
  };
  const byMonth = new Map<number, YearOccurrence[]>(
    FISCAL_MONTHS.map(m => [m, []]),
  );
  for (const occurrence of year.occurrences) {
    for (const month of monthsOfOccurrence(occurrence)) {
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
                {monthName(month, language, 'long')}
              </Typography>
              {items.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('monthList.empty')}
                </Typography>
              ) : (
                <Box component="ul" sx={ROW_STYLES}>
                  {items.map(o => (
                    <OccurrenceRow
                      key={`${o.slug}-${o.start}`}
                      occurrence={o}
                      fiscalYear={year.fiscalYear}
                      ownerNames={ownerNames}
                      language={language}
                      labels={{
                        owner: ownerLabel,
                        cycle: t(`cycles.${o.cycle}`),
                        concerns: concernsLabel(o),
                        changed: props.changedSlugs?.has(o.slug)
                          ? changedLabel
                          : undefined,
                        mine: o.mine
                          ? o.mine.reasons
                              .map(r => t(`myYear.reasons.${r}`))
                              .join(language === 'ja' ? '・' : ', ')
                          : undefined,
                      }}
                      entryHref={entryLink({ slug: o.slug })}
                      name={stepName(o)}
                      ownerHref={entityLink(parseEntityRef(o.owner))}
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
