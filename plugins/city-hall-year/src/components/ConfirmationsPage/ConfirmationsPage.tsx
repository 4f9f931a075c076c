import {
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  resolveFiscalYear,
  type DepartmentConfirmation,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useToday } from '../../hooks/useToday';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { entryRouteRef, rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { ContentUpdates } from '../ContentUpdates';
import { GuidePage } from '../GuidePage';
import { useLocalize, useFiscalYearLabel } from '../../hooks/useGuideLanguage';

/** HR's overview: how far each department confirmed its entries for this fiscal year. */
export function ConfirmationsPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const fiscalYearLabel = useFiscalYearLabel();
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const entryLink = useRouteRef(entryRouteRef);
  const fiscalYear = resolveFiscalYear(useToday());
  const { value, loading, error } = useAsync(
    () => api.getConfirmations(fiscalYear),
    [api, fiscalYear],
  );
  const names = useOwnerNames(value?.departments.map(d => d.owner) ?? []);

  const columns: TableColumn<DepartmentConfirmation>[] = [
    {
      title: t('confirmations.department'),
      render: d => names.get(d.owner) ?? shortName(d.owner),
    },
    {
      title: t('confirmations.progress'),
      render: d => (
        <Stack spacing={0.5} sx={{ minWidth: 160 }}>
          <Typography variant="body2">
            {d.confirmed} / {d.total}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={d.total ? (100 * d.confirmed) / d.total : 100}
            aria-label={`${names.get(d.owner) ?? shortName(d.owner)}: ${t(
              'confirmations.progress',
            )}`}
            aria-valuetext={`${d.confirmed} / ${d.total}`}
          />
        </Stack>
      ),
    },
    {
      title: t('confirmations.unconfirmed'),
      render: d => (
        <Stack spacing={0.25}>
          {d.unconfirmed.map(e => (
            <Link key={e.id} href={entryLink({ slug: e.slug })}>
              {localize(e.title)}
            </Link>
          ))}
        </Stack>
      ),
    },
  ];

  return (
    <GuidePage title={t('confirmations.title')}>
      <Stack spacing={2}>
        <Link href={rootLink()}>{t('entry.back')}</Link>
        <Typography>
          {t('confirmations.lead', { year: fiscalYearLabel(fiscalYear) })}
        </Typography>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Table
            options={{
              paging: false,
              search: false,
              padding: 'dense',
              // Dragging columns makes every header a button inside a button.
              draggable: false,
            }}
            columns={columns}
            data={value.departments}
            title={t('confirmations.title')}
          />
        )}
        <ContentUpdates />
      </Stack>
    </GuidePage>
  );
}
