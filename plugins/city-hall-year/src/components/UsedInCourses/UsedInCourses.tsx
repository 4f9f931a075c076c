import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import Stack from '@mui/material/Stack';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { courseStepRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { useLocalize } from '../../hooks/useGuideLanguage';

/** The training courses that link an entry, each to its step; nothing when none does. */
export function UsedInCourses(props: { slug: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const stepLink = useRouteRef(courseStepRouteRef);
  const { value } = useAsync(
    () => api.listEntryCourses(props.slug),
    [api, props.slug],
  );
  if (!value?.length) return null;
  return (
    <EntrySection title={t('courses.usedIn')} testId="entry-used-in">
      <Stack spacing={0.5}>
        {value.map(course => (
          <Link
            key={course.slug}
            href={stepLink({
              slug: course.slug,
              step: String(course.position),
            })}
          >
            {localize(course.title)}（
            {t('courses.step', { position: String(course.position) })}）
          </Link>
        ))}
      </Stack>
    </EntrySection>
  );
}
