import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  occurrenceLabel,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { LocalizedNote } from '../BilingualText/LocalizedNote';
import { courseRouteRef, entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * A new hire's first year (1年目のみちしるべ): the milestones of their own year that are
 * theirs as this year's new hire, in order, and the course that walks them through.
 */
export function FirstYear(props: { year: YearView }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const courseLink = useRouteRef(courseRouteRef);
  const { year } = props;
  if (!year.personal?.newHire) return null;
  const milestones = year.occurrences
    .filter(o => o.mine?.reasons.includes('firstYear'))
    .sort((a, b) => a.start.localeCompare(b.start));
  if (milestones.length === 0) return null;
  const course = year.personal.newHireCourse;
  return (
    <Card variant="outlined" data-testid="first-year">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6" component="h2">
            {t('myYear.firstYear')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('myYear.firstYearLead')}
          </Typography>
          <Stack component="ol" spacing={1} sx={{ m: 0, pl: 3 }}>
            {milestones.map(o => {
              return (
                <li
                  key={`${o.slug}-${o.start}`}
                  data-testid={`first-year-${o.slug}`}
                >
                  <Typography variant="body2" color="text.secondary">
                    {occurrenceLabel(o, language)}
                  </Typography>
                  <Link
                    href={`${entryLink({ slug: o.slug })}?fy=${
                      year.fiscalYear
                    }`}
                    weight="bold"
                  >
                    {localize(o.title)}
                  </Link>
                  <LocalizedNote
                    note={
                      o.mine?.notes.find(n => n.reason === 'firstYear')?.note
                    }
                    color="text.primary"
                  />
                </li>
              );
            })}
          </Stack>
          {course && (
            <Link href={courseLink({ slug: course })}>
              {t('myYear.course')}
            </Link>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
