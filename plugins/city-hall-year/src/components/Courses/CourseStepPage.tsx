import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { courseRouteRef, courseStepRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { EntryPage } from '../EntryPage';
import { WrappingRow } from '../WrappingRow';
import { useFiscalYearParam } from '../../hooks/useFiscalYearParam';
import { useCourse } from './useCourse';
import { useCourseProgress, useProgressCount } from './useCourseProgress';
import { useLocalize } from '../../hooks/useGuideLanguage';

/**
 * One step of a course (`/courses/:slug/:step`): the linked entry as it is now,
 * with the step's note and previous / next in this course.
 */
export function CourseStepPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const { slug = '', step = '' } = useParams();
  const pinned = useFiscalYearParam();
  const { value: view, loading, error } = useCourse(slug, pinned);
  const { progress, saving, mark } = useCourseProgress(slug);
  const progressCount = useProgressCount();
  const stepLink = useRouteRef(courseStepRouteRef);
  const courseLink = useRouteRef(courseRouteRef);

  if (loading) return <Progress />;
  if (error || !view) return <ResponseErrorPanel error={error!} />;
  const position = Number(step);
  const current = view.steps.find(s => s.position === position);
  const total = view.steps.length;
  const withYear = (path: string) => (pinned ? `${path}?fy=${pinned}` : path);
  const to = (p: number) => withYear(stepLink({ slug, step: String(p) }));
  const done = progress?.done.some(d => d.position === position) ?? false;

  const navigation = (
    <Stack spacing={1} data-testid="course-navigation">
      <WrappingRow spacing={1} alignItems="center">
        <Button
          component={RouterLink}
          to={withYear(courseLink({ slug }))}
          size="small"
        >
          {localize(view.course.title)}
        </Button>
        <Typography data-testid="course-position">
          {t('courses.stepOf', {
            position: String(position),
            total: String(total),
          })}
        </Typography>
        <span style={{ flex: 1 }} />
        <Button
          variant="outlined"
          startIcon={<ArrowBackIcon />}
          disabled={position <= 1}
          component={RouterLink}
          to={to(Math.max(1, position - 1))}
          data-testid="course-previous"
        >
          {t('courses.previous')}
        </Button>
        {position < total ? (
          <Button
            variant="contained"
            endIcon={<ArrowForwardIcon />}
            component={RouterLink}
            to={to(position + 1)}
            data-testid="course-next"
          >
            {t('courses.next')}
          </Button>
        ) : (
          <Button
            variant="contained"
            component={RouterLink}
            to={withYear(courseLink({ slug }))}
            data-testid="course-finish"
          >
            {t('courses.finish')}
          </Button>
        )}
      </WrappingRow>
      {current && (
        <WrappingRow spacing={1} alignItems="center">
          <FormControlLabel
            control={
              <Checkbox
                checked={done}
                disabled={!progress || saving}
                onChange={(_event, checked) => mark(position, checked)}
                inputProps={
                  { 'data-testid': 'course-step-done' } as Record<
                    string,
                    string
                  >
                }
              />
            }
            label={t('courses.stepDone')}
          />
          {progress && (
            <Typography
              variant="body2"
              color="text.secondary"
              data-testid="course-progress-count"
            >
              {progressCount(progress)}
            </Typography>
          )}
        </WrappingRow>
      )}
      {done && progress?.finished && (
        <Alert severity="success" data-testid="course-finished">
          {t('courses.finished')}
        </Alert>
      )}
      {current?.note && (
        <Alert severity="info" icon={false}>
          {localize(current.note)}
        </Alert>
      )}
    </Stack>
  );

  if (!current?.entry) {
    return (
      <Stack spacing={2} sx={{ p: 3 }}>
        {navigation}
        <Typography>{t('courses.unavailable')}</Typography>
      </Stack>
    );
  }
  return (
    <EntryPage
      slug={current.entry.slug}
      fiscalYear={view.fiscalYear}
      courseNavigation={navigation}
    />
  );
}
