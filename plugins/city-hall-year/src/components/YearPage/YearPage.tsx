import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fiscalYearLabels,
  resolveFiscalYear,
} from '@internal/plugin-city-hall-year-common';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import { transferRouteRef } from '../../routes';
import { useYear } from '../../hooks/useYear';
import { cityHallYearTranslationRef } from '../../translation';
import { MonthList } from '../MonthList';

/** Reads `?fy=` when it is a plausible fiscal year; otherwise the current one in Asia/Tokyo. */
function useFiscalYearParam(): [number, (fiscalYear: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = resolveFiscalYear(new Date());
  const requested = Number(params.get('fy'));
  const fiscalYear =
    Number.isInteger(requested) && requested >= 1989 && requested <= 2200
      ? requested
      : current;
  const setFiscalYear = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === current) next.delete('fy');
    else next.set('fy', String(value));
    setParams(next, { replace: true });
  };
  return [fiscalYear, setFiscalYear];
}

/** The year page: the city hall's fiscal year, month by month. */
export function YearPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [fiscalYear, setFiscalYear] = useFiscalYearParam();
  const { value: year, loading, error } = useYear(fiscalYear);
  const labels = fiscalYearLabels(fiscalYear);
  const current = resolveFiscalYear(new Date());
  const transferLink = useRouteRef(transferRouteRef);

  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')}>
        <Button
          variant="outlined"
          color="inherit"
          component={RouterLink}
          to={transferLink()}
        >
          {t('transfer.link')}
        </Button>
      </Header>
      <Content>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 2 }}>
          <IconButton
            aria-label={t('yearSwitcher.previous')}
            onClick={() => setFiscalYear(fiscalYear - 1)}
          >
            <ChevronLeftIcon />
          </IconButton>
          <Typography
            variant="h5"
            component="p"
            data-testid="fiscal-year-label"
          >
            {labels.ja}（{labels.en}）
          </Typography>
          <IconButton
            aria-label={t('yearSwitcher.next')}
            onClick={() => setFiscalYear(fiscalYear + 1)}
          >
            <ChevronRightIcon />
          </IconButton>
          {fiscalYear !== current && (
            <Button size="small" onClick={() => setFiscalYear(current)}>
              {t('yearSwitcher.current')}
            </Button>
          )}
        </Stack>
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title={t('errors.loadYear')} />
        )}
        {year && !loading && <MonthList year={year} />}
      </Content>
    </Page>
  );
}
