import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Link } from '@backstage/ui';
import { usePermission } from '@backstage/plugin-permission-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  overviewReadPermission,
  resolveFiscalYear,
  type Cycle,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { fiscalYearParam } from '../../hooks/useFiscalYearParam';
import { useNowAndNext } from '../../hooks/useNowAndNext';
import { useToday } from '../../hooks/useToday';
import { useYear } from '../../hooks/useYear';
import {
  confirmationsRouteRef,
  coursesRouteRef,
  clarityRouteRef,
  feedsRouteRef,
  proposalsRouteRef,
  ideasRouteRef,
  handoverRouteRef,
  newEntryRouteRef,
  printRouteRef,
  importExportRouteRef,
} from '../../routes';
import { ChangesSinceBanner, useChangesSince } from '../ChangesSince';
import { cityHallYearTranslationRef } from '../../translation';
import { AsNeeded } from '../AsNeeded';
import { GuidePage } from '../GuidePage';
import { MonthList } from '../MonthList';
import { NowAndNext } from '../NowAndNext';
import { Timeline } from '../Timeline';
import {
  YearFilters,
  matchesFilters,
  type YearFilterState,
} from '../YearFilters';
import { WrappingRow } from '../WrappingRow';
import { YearWheel } from '../YearWheel';
import { FirstYear } from '../MyYear';
import { useFiscalYearLabel } from '../../hooks/useGuideLanguage';

const VIEWS = ['timeline', 'list', 'wheel'] as const;
type View = (typeof VIEWS)[number];

/**
 * The page's state lives in the URL (`?fy=2026&view=wheel&mine=true&cycle=budget&owner=…&q=…`),
 * so that a link handed out in training opens the same picture.
 */
function usePageState(current: number) {
  const [params, setParams] = useSearchParams();
  const fiscalYear = fiscalYearParam(params) ?? current;
  const viewParam = params.get('view') as View | null;
  const view: View =
    viewParam && VIEWS.includes(viewParam) ? viewParam : 'timeline';
  const mine = params.get('mine') === 'true';
  const filters: YearFilterState = {
    cycles: (params.get('cycle')?.split(',').filter(Boolean) ?? []) as Cycle[],
    owner: params.get('owner') ?? undefined,
    query: params.get('q') ?? '',
  };
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  return {
    fiscalYear,
    view,
    mine,
    filters,
    setFiscalYear: (fy: number) =>
      update({ fy: fy === current ? undefined : String(fy) }),
    setView: (v: View) => update({ view: v === 'timeline' ? undefined : v }),
    setMine: (m: boolean) => update({ mine: m ? 'true' : undefined }),
    setFilters: (f: YearFilterState) =>
      update({ cycle: f.cycles.join(','), owner: f.owner, q: f.query }),
  };
}

/** The year page: now and next, then the fiscal year as a timeline, a month list or a wheel. */
export function YearPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const fiscalYearLabel = useFiscalYearLabel();
  const today = useToday();
  const current = resolveFiscalYear(today);
  const state = usePageState(current);
  const { value: year, loading, error } = useYear(state.fiscalYear, state.mine);
  const around = useNowAndNext(today, state.mine);
  const importExportLink = useRouteRef(importExportRouteRef);
  const newEntryLink = useRouteRef(newEntryRouteRef);
  const printLink = useRouteRef(printRouteRef);
  const coursesLink = useRouteRef(coursesRouteRef);
  const feedsLink = useRouteRef(feedsRouteRef);
  const proposalsLink = useRouteRef(proposalsRouteRef);
  const ideasLink = useRouteRef(ideasRouteRef);
  const clarityLink = useRouteRef(clarityRouteRef);
  const handoverLink = useRouteRef(handoverRouteRef);
  const confirmationsLink = useRouteRef(confirmationsRouteRef);
  const { allowed: isHr } = usePermission({
    permission: overviewReadPermission,
  });
  const changes = useChangesSince();
  const changedSlugs = useMemo(
    () => new Set(changes.value?.changes.map(c => c.slug) ?? []),
    [changes.value],
  );

  const occurrences = (year?.occurrences ?? []).filter(o =>
    matchesFilters(o, state.filters),
  );
  const owners = useMemo(
    () => [...new Set((year?.occurrences ?? []).map(o => o.owner))].sort(),
    [year],
  );
  // Creating an entry is the page's main action; printing and import and export are aside.
  const actions = [
    { label: t('editor.create'), to: newEntryLink(), primary: true },
    { label: t('print.link'), to: `${printLink()}?fy=${state.fiscalYear}` },
    { label: t('importExport.link'), to: importExportLink() },
  ];

  return (
    <GuidePage
      title={t('page.title')}
      subtitle={t('page.subtitle')}
      actions={actions.map(action => (
        <Button
          key={action.label}
          variant={action.primary ? 'contained' : 'outlined'}
          color={action.primary ? 'primary' : 'inherit'}
          component={RouterLink}
          to={action.to}
        >
          {action.label}
        </Button>
      ))}
    >
      <Stack spacing={2}>
        <WrappingRow spacing={3} component="nav" data-testid="year-nav">
          <Link href={coursesLink()}>{t('nav.courses')}</Link>
          <Link href={feedsLink()}>{t('nav.feeds')}</Link>
          <Link href={proposalsLink()}>{t('nav.proposals')}</Link>
          <Link href={ideasLink()}>{t('nav.ideas')}</Link>
          <Link href={clarityLink()}>{t('clarity.link')}</Link>
          {isHr && <Link href={handoverLink()}>{t('nav.handover')}</Link>}
          {isHr && (
            <Link href={confirmationsLink()}>{t('nav.confirmations')}</Link>
          )}
        </WrappingRow>
        {changes.value && (
          <ChangesSinceBanner
            changes={changes.value}
            onMarkSeen={changes.markSeen}
          />
        )}
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={state.mine ? 'mine' : 'all'}
          onChange={(_e, v: 'mine' | 'all' | null) => {
            if (v) state.setMine(v === 'mine');
          }}
          aria-label={t('myYear.toggle')}
          data-testid="my-year-toggle"
        >
          <ToggleButton value="all" data-testid="year-all">
            {t('myYear.all')}
          </ToggleButton>
          <ToggleButton value="mine" data-testid="year-mine">
            {t('myYear.mine')}
          </ToggleButton>
        </ToggleButtonGroup>
        {state.mine && (
          <Typography variant="body2" color="text.secondary">
            {t('myYear.lead')}
          </Typography>
        )}
        <Card variant="outlined" data-testid="now-and-next">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {t('nowAndNext.title')}
            </Typography>
            {around.value && (
              <NowAndNext occurrences={around.value} today={today} />
            )}
            {around.loading && <Progress />}
          </CardContent>
        </Card>

        {state.mine && year && !loading && <FirstYear year={year} />}

        <Stack direction="row" alignItems="center" spacing={1}>
          <IconButton
            aria-label={t('yearSwitcher.previous')}
            onClick={() => state.setFiscalYear(state.fiscalYear - 1)}
          >
            <ChevronLeftIcon />
          </IconButton>
          <Typography
            variant="h5"
            component="p"
            data-testid="fiscal-year-label"
          >
            {fiscalYearLabel(state.fiscalYear)}
          </Typography>
          <IconButton
            aria-label={t('yearSwitcher.next')}
            onClick={() => state.setFiscalYear(state.fiscalYear + 1)}
          >
            <ChevronRightIcon />
          </IconButton>
          {state.fiscalYear !== current && (
            <Button size="small" onClick={() => state.setFiscalYear(current)}>
              {t('yearSwitcher.current')}
            </Button>
          )}
        </Stack>

        <YearFilters
          value={state.filters}
          owners={owners}
          onChange={state.setFilters}
        />

        <Tabs
          value={state.view}
          onChange={(_e, v: View) => state.setView(v)}
          aria-label={t('page.title')}
        >
          {VIEWS.map(v => (
            <Tab
              key={v}
              value={v}
              label={t(`views.${v}`)}
              data-testid={`view-${v}`}
            />
          ))}
        </Tabs>

        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title={t('errors.loadYear')} />
        )}
        {state.mine &&
          year &&
          !loading &&
          year.occurrences.length + year.asNeeded.length === 0 && (
            <Typography data-testid="my-year-empty">
              {t('myYear.none')}
            </Typography>
          )}
        {year && !loading && state.view === 'timeline' && (
          <Timeline
            fiscalYear={state.fiscalYear}
            occurrences={occurrences}
            today={today}
          />
        )}
        {year && !loading && state.view === 'list' && (
          <MonthList
            year={{ ...year, occurrences }}
            today={today}
            changedSlugs={changedSlugs}
          />
        )}
        {year && !loading && state.view === 'wheel' && (
          <YearWheel
            fiscalYear={state.fiscalYear}
            occurrences={occurrences}
            today={today}
          />
        )}
        {year && !loading && (
          <AsNeeded
            items={year.asNeeded.filter(item =>
              matchesFilters(item, state.filters),
            )}
          />
        )}
      </Stack>
    </GuidePage>
  );
}
