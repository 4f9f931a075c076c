import { coreApis } from '@backstage/frontend-plugin-api';
import type {
  CourseProgress,
  CourseView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { CourseStepPage } from './CourseStepPage';

// The entry itself is EntryPage's to show (tested there); here only the course
// navigation around it counts.
jest.mock('../EntryPage', () => ({
  EntryPage: (props: { slug: string; courseNavigation: ReactNode }) => (
    <div data-testid="entry-page" data-slug={props.slug}>
      {props.courseNavigation}
    </div>
  ),
}));

const SLUG = 'shinki-saiyo';
const STEPS = ['teiki-jinji-ido', 'shutsuno-heisa', 'kessan-ninte'];

function view(): CourseView {
  return {
    fiscalYear: 2026,
    course: {
      id: 'c1',
      slug: SLUG,
      title: { ja: '新規採用職員研修', en: 'New hires' },
      audience: { ja: '新規採用職員' },
      steps: STEPS.map(entry => ({ entry })),
      version: 1,
      createdBy: 'user:default/sato.hanako',
      createdAt: '2026-04-01T00:00:00.000Z',
      updatedBy: 'user:default/sato.hanako',
      updatedAt: '2026-04-01T00:00:00.000Z',
    },
    steps: STEPS.map((entrySlug, i) => ({
      position: i + 1,
      entrySlug,
      entry: {
        id: `e${i}`,
        slug: entrySlug,
        cycle: 'settlement',
        title: { ja: entrySlug },
        summary: { ja: '概要' },
        owner: 'group:default/kaikei-ka',
        timing: { asNeeded: false, rules: [], overrides: [] },
        occurrences: [],
      },
    })),
  };
}

/** The progress the server answers with, given the positions done. */
function progress(done: number[]): CourseProgress {
  const next = [1, 2, 3].find(p => !done.includes(p));
  return {
    course: SLUG,
    title: { ja: '新規採用職員研修' },
    steps: 3,
    done: done.map(position => ({
      position,
      entrySlug: STEPS[position - 1],
      doneAt: '2026-06-01T00:00:00.000Z',
    })),
    finished: next === undefined,
    ...(next ? { next: { position: next, entrySlug: STEPS[next - 1] } } : {}),
  };
}

async function renderStep(
  step: number,
  done: number[],
  markCourseStep: jest.Mock,
) {
  const errorApi = { post: jest.fn(), error$: jest.fn() };
  const api = {
    ...createFakeApi(),
    getCourse: jest.fn(async () => view()),
    getCourseProgress: jest.fn(async () => progress(done)),
    markCourseStep,
  };
  await renderInPlugin(
    routes({ '/city-hall-year/courses/:slug/:step': <CourseStepPage /> }),
    {
      api,
      apis: [[coreApis.error, errorApi]],
      path: `/city-hall-year/courses/${SLUG}/${step}`,
    },
  );
  return { errorApi };
}

describe('CourseStepPage', () => {
  it('marks the step done for the learner, counts it and can take the mark back', async () => {
    let done = [1];
    const markCourseStep = jest.fn(
      async (_slug: string, position: number, isDone: boolean) => {
        done = isDone ? [...done, position] : done.filter(p => p !== position);
        return progress(done);
      },
    );
    await renderStep(2, [1], markCourseStep);
    const box = await screen.findByTestId('course-step-done');
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
    expect(screen.getByTestId('course-progress-count')).toHaveTextContent(
      '1 of 3 steps done',
    );
    expect(screen.getByRole('checkbox', { name: 'I finished this step' })).toBe(
      box,
    );

    fireEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    expect(markCourseStep).toHaveBeenLastCalledWith(SLUG, 2, true);
    expect(screen.getByTestId('course-progress-count')).toHaveTextContent(
      '2 of 3 steps done',
    );
    expect(screen.queryByTestId('course-finished')).toBeNull();

    fireEvent.click(box);
    await waitFor(() => expect(box).not.toBeChecked());
    expect(markCourseStep).toHaveBeenLastCalledWith(SLUG, 2, false);
    expect(screen.getByTestId('course-progress-count')).toHaveTextContent(
      '1 of 3 steps done',
    );
  });

  it('says the course is finished when the last step left is marked', async () => {
    const markCourseStep = jest.fn(async () => progress([1, 2, 3]));
    await renderStep(3, [1, 2], markCourseStep);
    const box = await screen.findByTestId('course-step-done');
    await waitFor(() => expect(box).toBeEnabled());
    fireEvent.click(box);
    expect(await screen.findByTestId('course-finished')).toHaveTextContent(
      'You finished this course.',
    );
  });

  it('reports a refused mark and leaves the step as the server has it', async () => {
    const markCourseStep = jest.fn(async () => {
      throw new Error('Course has no step 2');
    });
    const { errorApi } = await renderStep(2, [], markCourseStep);
    const box = await screen.findByTestId('course-step-done');
    await waitFor(() => expect(box).toBeEnabled());
    fireEvent.click(box);
    await waitFor(() =>
      expect(errorApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Course has no step 2' }),
      ),
    );
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
    expect(screen.getByTestId('course-progress-count')).toHaveTextContent(
      '0 of 3 steps done',
    );
  });
});
