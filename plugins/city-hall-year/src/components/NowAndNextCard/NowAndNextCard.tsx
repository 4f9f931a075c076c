import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNowAndNext } from '../../hooks/useNowAndNext';
import { useToday } from '../../hooks/useToday';
import { rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { NowAndNext } from '../NowAndNext';
import { ContinueCourse } from './ContinueCourse';
import { MyNextSteps } from './MyNextSteps';

/** This month and the next 30 days, as the content of a home-page widget. */
export function NowAndNextCard() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const today = useToday();
  const { value, loading, error } = useNowAndNext(today);
  const rootLink = useRouteRef(rootRouteRef);
  return (
    <Stack spacing={2} data-testid="now-and-next-card">
      <Typography variant="h6" component="h2">
        {t('nowAndNext.widgetTitle')}
      </Typography>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && <NowAndNext occurrences={value} today={today} />}
      <MyNextSteps today={today} />
      <ContinueCourse />
      <Link href={rootLink()}>{t('page.title')}</Link>
    </Stack>
  );
}
