import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import { occurrenceLabel } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { LocalizedNote } from '../BilingualText/LocalizedNote';
import { useNowAndNext } from '../../hooks/useNowAndNext';
import { entryRouteRef, rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';

/** How many of the person's next steps the widget shows. */
const SHOWN = 3;

/**
 * "Your next steps": the steps of the signed-in person's own year (あなたの一年) that
 * are under way or start in the next 30 days, with what their part is.
 */
export function MyNextSteps(props: { today: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { value } = useNowAndNext(props.today, true);
  const next = (value ?? [])
    .filter(o => o.end >= props.today)
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, SHOWN);
  if (next.length === 0) return null;
  return (
    <Stack spacing={0.5} data-testid="my-next-steps">
      <Typography variant="subtitle2" component="h3">
        {t('myYear.nextSteps')}
      </Typography>
      {next.map(o => {
        return (
          <div key={`${o.slug}-${o.start}`}>
            <Typography variant="body2">
              <Link href={entryLink({ slug: o.slug })}>
                {localize(o.title)}
              </Link>
              {' ・ '}
              {occurrenceLabel(o, language)}
            </Typography>
            <LocalizedNote note={o.mine?.notes[0]?.note} />
          </div>
        );
      })}
      <Typography variant="body2">
        <Link href={`${rootLink()}?mine=true`}>{t('myYear.mine')}</Link>
      </Typography>
    </Stack>
  );
}
