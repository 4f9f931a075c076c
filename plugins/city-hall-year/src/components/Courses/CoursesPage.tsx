import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { Link } from '@backstage/ui';
import { courseManagePermission } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Link as RouterLink } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { courseRouteRef, newCourseRouteRef, rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { GuidePage } from '../GuidePage';
import { useLocalize } from '../../hooks/useGuideLanguage';

/** Every training course, each with its audience and length. */
export function CoursesPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const courseLink = useRouteRef(courseRouteRef);
  const newLink = useRouteRef(newCourseRouteRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { allowed: canManage } = usePermission({
    permission: courseManagePermission,
  });
  const { value, loading, error } = useAsync(() => api.listCourses(), [api]);

  return (
    <GuidePage
      title={t('courses.title')}
      subtitle={t('courses.subtitle')}
      actions={
        canManage && (
          <Button
            variant="contained"
            component={RouterLink}
            to={newLink()}
            data-testid="course-new"
          >
            {t('courses.create')}
          </Button>
        )
      }
    >
      <Typography sx={{ mb: 2 }}>
        <Link href={rootLink()}>{t('entry.back')}</Link>
      </Typography>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value?.length === 0 && <Typography>{t('courses.empty')}</Typography>}
      <Grid container spacing={2}>
        {value?.map(course => (
          <Grid item xs={12} md={6} key={course.slug}>
            <Card variant="outlined" data-testid={`course-${course.slug}`}>
              <CardContent>
                <Typography variant="h6" component="h2">
                  <Link
                    href={courseLink({ slug: course.slug })}
                    variant="title-x-small"
                    weight="bold"
                  >
                    {localize(course.title)}
                  </Link>
                </Typography>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {t('courses.audience')}: {localize(course.audience)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('courses.stepCount', {
                    n: String(course.steps.length),
                  })}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </GuidePage>
  );
}
