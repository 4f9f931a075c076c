import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type {
  ClarityBreakdown as Breakdown,
  ClarityCounts,
  ClarityGroup,
  Cycle,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useGuideLanguage, monthName } from '../../hooks/useGuideLanguage';
import { courseRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';

/** The ways HR takes the entries together; `?by=` in the address. */
const KINDS = ['owners', 'cycles', 'courses', 'audiences'] as const;
type Kind = (typeof KINDS)[number];

/** "37%（40件の回答中15件）": a group counts answers, not people. */
function useAnswersLabel() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (counts: ClarityCounts) =>
    counts.readers === 0
      ? t('clarity.noAnswersShort')
      : t('clarity.share', {
          percent: String(Math.round((counts.unclear / counts.readers) * 100)),
          counts: t('clarity.answerCounts', {
            readers: String(counts.readers),
            unclear: String(counts.unclear),
          }),
        });
}

/** "4月 60% → 11月 25%": how a group's index moved over the year so far. */
function useCourseLabel() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  return (group: ClarityGroup) => {
    const months = group.months.filter(m => m.readers > 0);
    if (months.length === 0) return '—';
    const point = (m: (typeof months)[number]) =>
      t('clarity.monthShare', {
        month:
          language === 'ja'
            ? String(Number(m.month.slice(5)))
            : monthName(Number(m.month.slice(5)), language),
        percent: String(Math.round((m.unclear / m.readers) * 100)),
      });
    const first = months[0];
    const last = months[months.length - 1];
    return first === last ? point(first) : `${point(first)} → ${point(last)}`;
  };
}

/**
 * The listed entries taken together: by department, cycle, course or audience (the
 * year's new staff beside everyone), each group with its index, its counts of
 * answers and how it moved since April.
 */
export function ClarityBreakdown(props: {
  breakdown: Breakdown;
  nameOf: (ownerRef: string) => string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const courseLink = useRouteRef(courseRouteRef);
  const [params, setParams] = useSearchParams();
  const by: Kind = KINDS.find(k => k === params.get('by')) ?? 'owners';
  const answers = useAnswersLabel();
  const course = useCourseLabel();
  const { breakdown } = props;

  type Row = { key: string; name: ReactNode; group: ClarityGroup };
  const rowsBy: Record<Kind, () => Row[]> = {
    owners: () =>
      breakdown.owners.map(g => ({
        key: g.owner,
        name: props.nameOf(g.owner),
        group: g,
      })),
    cycles: () =>
      breakdown.cycles.map(g => ({
        key: g.cycle,
        name: t(`cycles.${g.cycle as Cycle}`),
        group: g,
      })),
    courses: () =>
      breakdown.courses.map(g => ({
        key: g.course,
        name: (
          <Link href={courseLink({ slug: g.course })}>
            {(language === 'en' && g.title.en) || g.title.ja}
          </Link>
        ),
        group: g,
      })),
    audiences: () =>
      (['everyone', 'newStaff'] as const).map(audience => ({
        key: audience,
        name: t(`clarity.audiences.${audience}`),
        group: breakdown.audiences[audience],
      })),
  };
  const rows = rowsBy[by]();

  return (
    <Stack spacing={1} component="section" aria-labelledby="clarity-breakdown">
      <Typography variant="h6" component="h2" id="clarity-breakdown">
        {t('clarity.breakdownTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('clarity.breakdownLead')}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={by}
        onChange={(_, value: Kind | null) => {
          if (!value) return;
          const next = new URLSearchParams(params);
          if (value === 'owners') next.delete('by');
          else next.set('by', value);
          setParams(next, { replace: true });
        }}
        aria-label={t('clarity.breakdownTitle')}
        sx={{ flexWrap: 'wrap' }}
      >
        {KINDS.map(kind => (
          <ToggleButton
            key={kind}
            value={kind}
            data-testid={`clarity-by-${kind}`}
          >
            {t(`clarity.by.${kind}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('clarity.none')}</Typography>
      ) : (
        <Table size="small" aria-label={t(`clarity.by.${by}`)}>
          <TableHead>
            <TableRow>
              <TableCell>{t(`clarity.groupColumn.${by}`)}</TableCell>
              <TableCell>{t('clarity.indexColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {/* Two columns, each with its detail below: readable at phone width. */}
            {rows.map(row => (
              <TableRow key={row.key} data-testid="clarity-group-row">
                <TableCell>
                  {row.name}
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    component="div"
                  >
                    {t('clarity.entryCount', {
                      n: String(row.group.entries),
                    })}
                  </Typography>
                </TableCell>
                <TableCell>
                  {answers(row.group.counts)}
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    component="div"
                  >
                    {t('clarity.sinceApril', { course: course(row.group) })}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
