import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fiscalYearLabels,
  type CourseProgressSummary,
  type ProgressCounts,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { shortName, useEntityNames } from '../../hooks/useOwnerNames';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
function Scrolling(props: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={props.label}>
        {props.children}
      </Table>
    </Box>
  );
}

/**
 * HR's view of a course (受講状況): how many of a fiscal year's learners started and
 * finished it, by step, department and audience, which steps they are still unclear
 * about, and each learner. Groups smaller than the server's minimum are not counted
 * by themselves, so no count points at one person.
 */
export function CourseLearners(props: { slug: string; fiscalYear: number }) {
  const { slug, fiscalYear } = props;
  const api = useApi(cityHallYearApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCourseProgressSummary(slug, fiscalYear),
    [api, slug, fiscalYear],
  );
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const labels = fiscalYearLabels(fiscalYear);
  const refs = value
    ? [
        ...value.departments.map(d => d.group),
        ...value.learners.flatMap(l => [l.user, ...l.departments]),
      ]
    : [];
  const names = useEntityNames(refs);
  const nameOf = (ref: string) => names.get(ref) ?? shortName(ref);

  return (
    <Card variant="outlined" data-testid="course-learners">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {t('courseProgress.title', { year: labels[language] })}
          </Typography>
          {loading && <Progress />}
          {error && <ResponseErrorPanel error={error} />}
          {value && <Summary summary={value} nameOf={nameOf} />}
        </Stack>
      </CardContent>
    </Card>
  );
}

function Summary(props: {
  summary: CourseProgressSummary;
  nameOf: (ref: string) => string;
}) {
  const { summary, nameOf } = props;
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const min = String(summary.minGroupSize);
  const counts = (c: ProgressCounts) =>
    t('courseProgress.counts', {
      started: String(c.started),
      finished: String(c.finished),
    });
  const day = (iso: string) =>
    DateTime.fromISO(iso)
      .setZone('Asia/Tokyo')
      .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
      .toLocaleString(DateTime.DATE_MED);

  if (summary.total.started === 0) {
    return <Typography>{t('courseProgress.none')}</Typography>;
  }
  const small = summary.total.started < summary.minGroupSize;
  return (
    <Stack spacing={2}>
      <Typography data-testid="course-learners-total">
        {counts(summary.total)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('courseProgress.privacy', { min })}
      </Typography>

      <Scrolling label={t('courseProgress.bySteps')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('courseProgress.step')}</TableCell>
            <TableCell align="right">{t('courseProgress.done')}</TableCell>
            <TableCell align="right">{t('courseProgress.unclear')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {summary.bySteps.map(step => (
            <TableRow
              key={step.position}
              data-testid={`course-learners-step-${step.position}`}
            >
              <TableCell>
                {t('courses.step', { position: String(step.position) })}{' '}
                {step.title ? localize(step.title) : step.entrySlug}
              </TableCell>
              <TableCell align="right">{step.done}</TableCell>
              <TableCell align="right">
                {step.unclear === undefined ? '—' : step.unclear}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Scrolling>
      {small && (
        <Typography variant="body2" color="text.secondary">
          {t('courseProgress.unclearHidden', { min })}
        </Typography>
      )}

      <Typography variant="subtitle1" component="h3">
        {t('courseProgress.byDepartment')}
      </Typography>
      {summary.departments.length > 0 && (
        <Scrolling label={t('courseProgress.byDepartment')}>
          <TableBody>
            {summary.departments.map(d => (
              <TableRow key={d.group} data-testid="course-learners-department">
                <TableCell>{nameOf(d.group)}</TableCell>
                <TableCell align="right">{counts(d)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Scrolling>
      )}
      {summary.hiddenDepartments > 0 && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="course-learners-hidden"
        >
          {t('courseProgress.hiddenDepartments', {
            n: String(summary.hiddenDepartments),
            min,
          })}
        </Typography>
      )}

      {summary.audiences.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3">
            {t('courseProgress.byAudience')}
          </Typography>
          <Scrolling label={t('courseProgress.byAudience')}>
            <TableBody>
              {summary.audiences.map(a => (
                <TableRow key={a.id} data-testid="course-learners-audience">
                  <TableCell>{localize(a.title)}</TableCell>
                  <TableCell align="right">
                    {a.counts
                      ? counts(a.counts)
                      : t('courseProgress.tooFew', { min })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Scrolling>
        </>
      )}

      <Typography variant="subtitle1" component="h3">
        {t('courseProgress.learners')}
      </Typography>
      <Scrolling label={t('courseProgress.learners')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('courseProgress.learner')}</TableCell>
            <TableCell>{t('courseProgress.department')}</TableCell>
            <TableCell align="right">{t('courseProgress.stepsDone')}</TableCell>
            <TableCell>{t('courseProgress.lastDone')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {summary.learners.map(l => (
            <TableRow key={l.user} data-testid="course-learners-learner">
              <TableCell>{nameOf(l.user)}</TableCell>
              <TableCell>
                {l.departments
                  .map(nameOf)
                  .join(language === 'ja' ? '、' : ', ') || '—'}
              </TableCell>
              <TableCell align="right">
                {l.finished
                  ? t('courseProgress.finished')
                  : `${l.done} / ${summary.steps}`}
              </TableCell>
              <TableCell>{day(l.lastDoneAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Scrolling>
    </Stack>
  );
}
