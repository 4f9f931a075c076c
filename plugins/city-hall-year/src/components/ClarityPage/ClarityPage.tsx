import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  CLARITY_REASONS,
  fiscalYearLabels,
  resolveFiscalYear,
  type ClarityOverviewItem,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useFiscalYearParam } from '../../hooks/useFiscalYearParam';
import { useOwnerNames } from '../../hooks/useOwnerNames';
import { useToday } from '../../hooks/useToday';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { ClarityChart } from '../ClarityChart';
import { DepartmentSelect } from '../DepartmentSelect';
import { GuidePage } from '../GuidePage';
import { OpenQuestionsLink } from '../OpenQuestionsLink';
import { ClarityBreakdown } from './ClarityBreakdown';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';

/** "37%（30人中11人）": the share, and always the counts beside it. */
export function useClarityLabel() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (counts: ClarityOverviewItem['counts']) =>
    t('clarity.share', {
      percent: String(Math.round((counts.unclear / counts.readers) * 100)),
      counts: t('clarity.counts', {
        readers: String(counts.readers),
        unclear: String(counts.unclear),
      }),
    });
}

/**
 * The モヤモヤ指数 of the year: for the whole city hall (HR's view) or one department
 * (`?owner=`), the month-by-month course as a chart (everyone, and the year's new
 * staff), the entries taken together by department, cycle, course or audience, and
 * the entries most unclear first, with the reasons where the caller may read them.
 */
export function ClarityPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const api = useApi(cityHallYearApiRef);
  const entryLink = useRouteRef(entryRouteRef);
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? undefined;
  const today = useToday();
  const fiscalYear = useFiscalYearParam() ?? resolveFiscalYear(today);
  const label = useClarityLabel();
  const all = useAsync(
    () => api.getClarityOverview({ fiscalYear }),
    [api, fiscalYear],
  );
  // One department's entries, or everyone's (which also lists the departments).
  const selected = useAsync(
    async () =>
      owner ? api.getClarityOverview({ owner, fiscalYear }) : undefined,
    [api, owner, fiscalYear],
  );
  const shown = owner ? selected : all;
  const owners = [
    ...new Set([
      ...(all.value?.items ?? []).map(i => i.owner),
      ...(owner ? [owner] : []),
    ]),
  ];
  const names = useOwnerNames(owners);
  const nameOf = (ref: string) => names.get(ref) ?? ref;

  return (
    <GuidePage
      title={t('clarity.pageTitle')}
      subtitle={`${t('clarity.pageSubtitle')} · ${
        fiscalYearLabels(fiscalYear)[language]
      }`}
    >
      <Stack spacing={2}>
        <Typography>{t('clarity.pageLead')}</Typography>
        <DepartmentSelect
          label={t('clarity.department')}
          allLabel={t('clarity.allDepartments')}
          owners={owners}
          nameOf={nameOf}
          value={owner ?? ''}
          onChange={value => {
            const next = new URLSearchParams(params);
            if (value) next.set('owner', value);
            else next.delete('owner');
            setParams(next);
          }}
          testId="clarity-owner"
        />
        {shown.loading && !shown.value && <Progress />}
        {shown.error && <ResponseErrorPanel error={shown.error} />}
        {shown.value && shown.value.items.length === 0 && (
          <Typography color="text.secondary">{t('clarity.none')}</Typography>
        )}
        {shown.value && shown.value.items.length > 0 && (
          <>
            <Paper variant="outlined" sx={{ p: 1 }}>
              <ClarityChart
                series={[
                  {
                    label: owner ? nameOf(owner) : t('clarity.allDepartments'),
                    months: shown.value.breakdown.audiences.everyone.months,
                  },
                  // The year's new staff beside everyone, once any of them answered.
                  ...(shown.value.breakdown.audiences.newStaff.entries > 0
                    ? [
                        {
                          label: t('clarity.audiences.newStaff'),
                          months:
                            shown.value.breakdown.audiences.newStaff.months,
                        },
                      ]
                    : []),
                ]}
              />
            </Paper>
            <ClarityBreakdown
              breakdown={shown.value.breakdown}
              nameOf={nameOf}
            />
            <Typography variant="h6" component="h2">
              {t('clarity.entriesTitle')}
            </Typography>
            <Table size="small" aria-label={t('clarity.entriesTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('clarity.entry')}</TableCell>
                  <TableCell>{t('clarity.indexColumn')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {/* Two columns, each with its detail below: readable on a phone. */}
                {shown.value.items.map(item => (
                  <TableRow key={item.entrySlug} data-testid="clarity-row">
                    <TableCell>
                      <Link href={entryLink({ slug: item.entrySlug })}>
                        {localize(item.title)}
                      </Link>
                      <Typography
                        variant="body2"
                        color="text.secondary"
                        component="div"
                      >
                        {`${t('clarity.owner')}：${nameOf(item.owner)}`}
                      </Typography>
                      <Typography variant="body2" component="div">
                        <OpenQuestionsLink item={item} />
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <div>{label(item.counts)}</div>
                      <Typography
                        variant="body2"
                        color="text.secondary"
                        component="div"
                      >
                        {item.reasons
                          ? CLARITY_REASONS.filter(r => item.reasons![r] > 0)
                              .map(
                                r =>
                                  `${t(`clarity.reasons.${r}`)} ${
                                    item.reasons![r]
                                  }`,
                              )
                              .join('、') || '—'
                          : '—'}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Stack>
    </GuidePage>
  );
}
