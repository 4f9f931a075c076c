import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { YearView } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';
import { useLocalize } from '../../hooks/useGuideLanguage';

/**
 * Steps with no regular date (臨時会, 専決処分 as needed, promotion selection): they
 * belong to the year too, so every view lists them beside the dated ones.
 */
export function AsNeeded(props: { items: YearView['asNeeded'] }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  if (props.items.length === 0) return null;
  return (
    <Card variant="outlined" data-testid="as-needed">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('monthList.asNeeded')}
        </Typography>
        <Stack spacing={1}>
          {props.items.map(item => (
            <Stack
              key={item.slug}
              direction="row"
              spacing={1}
              alignItems="center"
            >
              <CycleChip cycle={item.cycle} />
              <Link href={entryLink({ slug: item.slug })}>
                {localize(item.title)}
              </Link>
              <Typography variant="body2" color="text.secondary">
                {localize(item.summary)}
              </Typography>
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
