import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  nowAndNext,
  occurrenceLabel,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { entryRouteRef } from '../../routes';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';

/** Items shown before "show all": the panel sits above the year and must stay short. */
const SHOWN = 6;

/** Shorter steps first: a step running all year says less about this month than one that starts now. */
function byUrgency(a: YearOccurrence, b: YearOccurrence): number {
  const length = (o: YearOccurrence) => Date.parse(o.end) - Date.parse(o.start);
  return length(a) - length(b) || a.start.localeCompare(b.start);
}

function OccurrenceList(props: {
  title: string;
  items: YearOccurrence[];
  testId: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const entryLink = useRouteRef(entryRouteRef);
  const [expanded, setExpanded] = useState(false);
  const sorted = [...props.items].sort(byUrgency);
  const shown = expanded ? sorted : sorted.slice(0, SHOWN);
  return (
    <Stack spacing={1} data-testid={props.testId}>
      <Typography variant="subtitle2" component="h3">
        {props.title}
      </Typography>
      {props.items.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('nowAndNext.nothing')}
        </Typography>
      )}
      {shown.map(o => (
        <Stack
          key={`${o.slug}-${o.start}`}
          direction="row"
          spacing={1}
          alignItems="center"
        >
          <CycleChip cycle={o.cycle} />
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ minWidth: 110 }}
          >
            {occurrenceLabel(o, language)}
          </Typography>
          <Link href={entryLink({ slug: o.slug })}>{localize(o.title)}</Link>
        </Stack>
      ))}
      {sorted.length > SHOWN && (
        <Button
          size="small"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t('nowAndNext.showFewer')
            : t('nowAndNext.showAll', { total: String(sorted.length) })}
        </Button>
      )}
    </Stack>
  );
}

/** This month and the next 30 days, for the year page and the home page. */
export function NowAndNext(props: {
  occurrences: YearOccurrence[];
  today: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { thisMonth, next } = nowAndNext(props.occurrences, props.today);
  const lists = [
    {
      testId: 'now-this-month',
      title: t('nowAndNext.thisMonth'),
      items: thisMonth,
    },
    { testId: 'now-next-30', title: t('nowAndNext.next30'), items: next },
  ];
  // Two columns where the card itself is wide enough, not the screen: on the home
  // page the card is half as wide as the year page's.
  return (
    <Box sx={{ containerType: 'inline-size' }}>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: '1fr',
          '@container (min-width: 760px)': {
            gridTemplateColumns: '1fr 1fr',
          },
        }}
      >
        {lists.map(list => (
          <OccurrenceList key={list.testId} {...list} />
        ))}
      </Box>
    </Box>
  );
}
