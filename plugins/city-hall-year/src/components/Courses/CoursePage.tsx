import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { Link } from '@backstage/ui';
import {
  courseManagePermission,
  courseProgressReadPermission,
  fiscalYearLabels,
  occurrenceLabel,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import {
  coursesRouteRef,
  courseStepRouteRef,
  editCourseRouteRef,
  feedsRouteRef,
} from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';
import { GuidePage } from '../GuidePage';
import { WrappingRow } from '../WrappingRow';
import { useFiscalYearParam } from '../../hooks/useFiscalYearParam';
import { useCourse } from './useCourse';
import { useCourseProgress, useProgressCount } from './useCourseProgress';
import { CourseLearners } from './CourseLearners';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { BilingualText } from '../BilingualText';

/** A training course: its steps in order, each with why it is in the course. */
export function CoursePage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const { slug = '' } = useParams();
  const pinned = useFiscalYearParam();
  const { value: view, loading, error } = useCourse(slug, pinned);
  const stepLink = useRouteRef(courseStepRouteRef);
  const editLink = useRouteRef(editCourseRouteRef);
  const listLink = useRouteRef(coursesRouteRef);
  const feedsLink = useRouteRef(feedsRouteRef);
  const { allowed: canManage } = usePermission({
    permission: courseManagePermission,
  });
  const { allowed: canSeeLearners } = usePermission({
    permission: courseProgressReadPermission,
  });
  const { progress } = useCourseProgress(slug);
  const progressCount = useProgressCount();
  const owners = useOwnerNames(
    view?.steps.flatMap(s => (s.entry ? [s.entry.owner] : [])) ?? [],
  );

  if (loading) return <Progress />;
  if (error || !view) {
    return (
      <GuidePage title={t('courses.notFound')}>
        {error && <ResponseErrorPanel error={error} />}
      </GuidePage>
    );
  }
  const { course } = view;
  const labels = fiscalYearLabels(view.fiscalYear);
  const withYear = (path: string) => (pinned ? `${path}?fy=${pinned}` : path);
  const doneAt = new Set(progress?.done.map(d => d.position));
  const next = progress?.done.length ? progress.next : undefined;

  return (
    <GuidePage
      title={localize(course.title)}
      actions={
        <>
          {next ? (
            <Button
              variant="contained"
              component={RouterLink}
              to={withYear(stepLink({ slug, step: String(next.position) }))}
              data-testid="course-continue"
            >
              {t('courses.continue')}
            </Button>
          ) : (
            <Button
              variant="contained"
              component={RouterLink}
              to={withYear(stepLink({ slug, step: '1' }))}
              data-testid="course-start"
            >
              {t('courses.start')}
            </Button>
          )}
          {canManage && (
            <Button
              variant="outlined"
              color="inherit"
              component={RouterLink}
              to={editLink({ slug })}
              data-testid="course-edit"
            >
              {t('courses.edit')}
            </Button>
          )}
        </>
      }
    >
      <Stack spacing={2}>
        <WrappingRow spacing={2}>
          <Link href={listLink()}>{t('courses.title')}</Link>
          <Link href={`${feedsLink()}?course=${encodeURIComponent(slug)}`}>
            {t('courses.subscribe')}
          </Link>
        </WrappingRow>
        <Typography>
          {t('courses.audience')}: {localize(course.audience)}
        </Typography>
        {course.description && <BilingualText text={course.description} />}
        {progress && progress.steps > 0 && (
          <Stack spacing={0.5} data-testid="course-progress">
            <Typography>
              {progress.finished
                ? t('courses.finished')
                : progressCount(progress)}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={(progress.done.length / progress.steps) * 100}
              aria-label={progressCount(progress)}
            />
          </Stack>
        )}
        <Typography variant="overline" data-testid="course-year">
          {t('courses.datesOf', { year: labels[language] })}
        </Typography>
        <Stack component="ol" spacing={1} sx={{ pl: 0, m: 0 }}>
          {view.steps.map(step => (
            <Card
              component="li"
              variant="outlined"
              key={step.position}
              sx={{ listStyle: 'none' }}
              data-testid={`course-step-${step.position}`}
            >
              <CardContent>
                <Stack direction="row" spacing={0.5} alignItems="center">
                  <Typography variant="overline">
                    {t('courses.step', { position: String(step.position) })}
                  </Typography>
                  {doneAt.has(step.position) && (
                    <CheckCircleIcon
                      color="success"
                      fontSize="small"
                      titleAccess={t('courses.stepDoneMark')}
                      data-testid="course-step-check"
                    />
                  )}
                </Stack>
                {step.entry ? (
                  <>
                    <Stack direction="row" spacing={1} alignItems="center">
                      <CycleChip cycle={step.entry.cycle} />
                      <Typography variant="h6" component="h2">
                        <Link
                          href={withYear(
                            stepLink({ slug, step: String(step.position) }),
                          )}
                          variant="title-x-small"
                          weight="bold"
                        >
                          {localize(step.entry.title)}
                        </Link>
                      </Typography>
                    </Stack>
                    <Typography variant="body2" color="text.secondary">
                      {step.entry.occurrences
                        .map(o => occurrenceLabel(o, language))
                        .join(language === 'ja' ? '、' : '; ') || '—'}
                      {' ・ '}
                      {owners.get(step.entry.owner) ??
                        shortName(step.entry.owner)}
                    </Typography>
                  </>
                ) : (
                  <Typography color="text.secondary">
                    {t('courses.unavailable')}
                  </Typography>
                )}
                {step.note && (
                  <Typography sx={{ mt: 1 }}>{localize(step.note)}</Typography>
                )}
              </CardContent>
            </Card>
          ))}
        </Stack>
        {canSeeLearners && (
          <CourseLearners slug={slug} fiscalYear={view.fiscalYear} />
        )}
      </Stack>
    </GuidePage>
  );
}
