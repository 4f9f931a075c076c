import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { courseStepRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { useProgressCount } from '../Courses/useCourseProgress';

/**
 * "Continue your course": the step to take next in each course the learner started
 * and has not finished, the most recently followed first. Nothing when there is none:
 * the widget is about the year first.
 */
export function ContinueCourse() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const stepLink = useRouteRef(courseStepRouteRef);
  const progressCount = useProgressCount();
  const { value } = useAsync(() => api.listMyCourseProgress(), [api]);
  const open = (value ?? []).filter(p => !p.finished && p.next);
  if (open.length === 0) return null;
  return (
    <Stack spacing={0.5} data-testid="continue-course">
      <Typography variant="subtitle2" component="h3">
        {t('courses.continueYours')}
      </Typography>
      {open.slice(0, 3).map(p => (
        <Typography key={p.course} variant="body2">
          <Link
            href={stepLink({ slug: p.course, step: String(p.next!.position) })}
          >
            {t('courses.continueAt', {
              course: localize(p.title),
              position: String(p.next!.position),
              title: p.next!.title ? localize(p.next!.title) : '',
            })}
          </Link>{' '}
          ({progressCount(p)})
        </Typography>
      ))}
    </Stack>
  );
}
