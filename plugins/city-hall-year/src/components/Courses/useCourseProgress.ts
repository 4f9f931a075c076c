import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import type { CourseProgress } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { cityHallYearTranslationRef } from '../../translation';

/** "4 / 10 ステップ完了": how far a learner is through a course. */
export function useProgressCount() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (progress: Pick<CourseProgress, 'done' | 'steps'>) =>
    t('courses.progressCount', {
      done: String(progress.done.length),
      total: String(progress.steps),
    });
}

/**
 * The signed-in learner's progress through a course, and marking a step done or not
 * done. A failed mark is reported and leaves the progress as the server has it.
 */
export function useCourseProgress(slug: string) {
  const api = useApi(cityHallYearApiRef);
  const errorApi = useApi(coreApis.error);
  const [progress, setProgress] = useState<CourseProgress>();
  const [saving, setSaving] = useState(false);
  const { loading, error } = useAsync(async () => {
    setProgress(await api.getCourseProgress(slug));
  }, [api, slug]);

  const mark = useCallback(
    async (position: number, done: boolean) => {
      setSaving(true);
      try {
        setProgress(await api.markCourseStep(slug, position, done));
      } catch (e) {
        errorApi.post(e as Error);
      } finally {
        setSaving(false);
      }
    },
    [api, errorApi, slug],
  );

  return { progress, loading, error, saving, mark };
}
