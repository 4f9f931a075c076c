import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import {
  fiscalYearLabels,
  occurrenceLabel,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useToday } from '../../hooks/useToday';
import { clarityRouteRef, entryRouteRef } from '../../routes';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';
import { ClarityChart } from '../ClarityChart';
import { OpenQuestionsLink } from '../OpenQuestionsLink';
import { useClarityLabel } from '../ClarityPage';
import { CycleChip } from '../CycleChip';
import { ToneChip } from '../ToneChip';

/**
 * "This department's year", for a catalog Group page: the entries it owns, the next
 * one coming up, and those not yet confirmed for this fiscal year.
 */
export function DepartmentYearCard() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const { entity } = useEntity();
  const api = useApi(cityHallYearApiRef);
  const entryLink = useRouteRef(entryRouteRef);
  const clarityLink = useRouteRef(clarityRouteRef);
  const clarityLabel = useClarityLabel();
  const today = useToday();
  const fiscalYear = resolveFiscalYear(today);
  const owner = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(async () => {
    const [page, year, clarity] = await Promise.all([
      api.listEntries({ owner: [owner], limit: 200 }),
      api.getYear(fiscalYear),
      api.getClarityOverview({ owner, fiscalYear }),
    ]);
    // What starts next, not what has been running for months (決算剰余金の処理
    // since September is not "next" in December): the next three to begin.
    const next = year.occurrences
      .filter(o => o.owner === owner && o.start >= today)
      .slice(0, 3);
    const unconfirmed = page.items.filter(
      e => e.confirmedFiscalYear !== fiscalYear,
    );
    return { entries: page.items, next, unconfirmed, clarity };
  }, [api, owner, fiscalYear, today]);

  return (
    <InfoCard
      title={t('department.title')}
      subheader={fiscalYearLabels(fiscalYear)[language]}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Stack spacing={2} data-testid="department-year">
          <Typography>
            {t('department.count', { total: String(value.entries.length) })}
          </Typography>
          {value.next.length > 0 && (
            <Stack spacing={0.5} data-testid="department-next">
              <Typography variant="overline">{t('department.next')}</Typography>
              {value.next.map(o => (
                <Stack
                  key={`${o.slug}-${o.start}`}
                  direction="row"
                  spacing={1}
                  alignItems="center"
                >
                  <CycleChip cycle={o.cycle} />
                  <Typography variant="body2">
                    {occurrenceLabel(o, language)}
                  </Typography>
                  <Link href={entryLink({ slug: o.slug })}>
                    {localize(o.title)}
                  </Link>
                </Stack>
              ))}
            </Stack>
          )}
          <Stack spacing={0.5}>
            <Typography variant="overline">
              {t('department.unconfirmed', {
                total: String(value.unconfirmed.length),
              })}
            </Typography>
            <Stack direction="row" flexWrap="wrap" gap={1}>
              {value.unconfirmed.map(e => (
                <ToneChip
                  key={e.slug}
                  size="small"
                  tone="warning"
                  label={localize(e.title)}
                  component="a"
                  href={entryLink({ slug: e.slug })}
                  clickable
                />
              ))}
            </Stack>
          </Stack>
          {value.clarity.items.length > 0 && (
            <Stack spacing={0.5} data-testid="department-clarity">
              <Typography variant="overline">
                {t('clarity.cardTitle')}
              </Typography>
              <ClarityChart months={value.clarity.months} height={180} />
              {value.clarity.items.slice(0, 3).map(item => (
                <Typography key={item.entrySlug} variant="body2">
                  <Link href={entryLink({ slug: item.entrySlug })}>
                    {localize(item.title)}
                  </Link>
                  {` ${clarityLabel(item.counts)}`}
                  {item.openQuestions > 0 && ' · '}
                  <OpenQuestionsLink item={item} />
                </Typography>
              ))}
              <Link
                href={`${clarityLink()}?owner=${encodeURIComponent(owner)}`}
              >
                {t('clarity.link')}
              </Link>
            </Stack>
          )}
        </Stack>
      )}
    </InfoCard>
  );
}
