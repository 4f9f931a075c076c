import { permissionApiRef } from '@backstage/plugin-permission-react';
import type {
  CourseProgress,
  CourseView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import {
  mockPermissionApi,
  renderInPlugin,
  routes,
} from '../../__testUtils__/renderInPlugin';
import { CoursePage } from './CoursePage';

function view(fiscalYear: number): CourseView {
  return {
    fiscalYear,
    course: {
      id: 'c1',
      slug: 'yosan-kessan-no-tsunagari',
      title: {
        ja: '予算と決算のつながり',
        en: 'The budget and settlement chain',
      },
      audience: { ja: '新任係長' },
      steps: [
        { entry: 'shutsuno-heisa', note: { ja: '前年度の締めくくり' } },
        { entry: 'secret-draft' },
      ],
      version: 3,
      createdBy: 'user:default/sato.hanako',
      createdAt: '2026-04-01T00:00:00.000Z',
      updatedBy: 'user:default/sato.hanako',
      updatedAt: '2026-04-01T00:00:00.000Z',
    },
    steps: [
      {
        position: 1,
        entrySlug: 'shutsuno-heisa',
        note: { ja: '前年度の締めくくり' },
        entry: {
          id: 'e1',
          slug: 'shutsuno-heisa',
          cycle: 'settlement',
          title: { ja: '出納閉鎖' },
          summary: { ja: '5月31日に閉鎖' },
          owner: 'group:default/kaikei-ka',
          timing: { asNeeded: false, rules: [], overrides: [] },
          occurrences: [
            {
              start: `${fiscalYear}-05-31`,
              end: `${fiscalYear}-05-31`,
              precision: 'day',
              overridden: false,
            },
          ],
        },
      },
      { position: 2, entrySlug: 'secret-draft' },
    ],
  };
}

const SLUG = 'yosan-kessan-no-tsunagari';

function progress(done: number[]): CourseProgress {
  const slugs = ['shutsuno-heisa', 'secret-draft'];
  const next = [1, 2].find(p => !done.includes(p));
  return {
    course: SLUG,
    title: { ja: '予算と決算のつながり' },
    steps: 2,
    done: done.map(position => ({
      position,
      entrySlug: slugs[position - 1],
      doneAt: '2026-06-01T00:00:00.000Z',
    })),
    finished: next === undefined,
    ...(next ? { next: { position: next, entrySlug: slugs[next - 1] } } : {}),
  };
}

async function renderCourse(
  path: string,
  canManage: boolean,
  options: { done?: number[] } = {},
) {
  const asked: Array<number | undefined> = [];
  const api = {
    ...createFakeApi(),
    getCourse: jest.fn(async (_slug: string, fiscalYear?: number) => {
      asked.push(fiscalYear);
      return view(fiscalYear ?? 2026);
    }),
    getCourseProgress: jest.fn(async () => progress(options.done ?? [])),
  };
  await renderInPlugin(
    routes({ '/city-hall-year/courses/:slug': <CoursePage /> }),
    {
      api,
      apis: [[permissionApiRef, mockPermissionApi(canManage)]],
      path,
    },
  );
  return { asked };
}

describe('CoursePage', () => {
  it('lists the steps in order with their notes, links into step permalinks, and keeps a pinned year', async () => {
    const { asked } = await renderCourse(
      '/city-hall-year/courses/yosan-kessan-no-tsunagari?fy=2030',
      false,
    );
    const first = await screen.findByTestId('course-step-1');
    expect(first).toHaveTextContent('出納閉鎖');
    expect(first).toHaveTextContent('前年度の締めくくり');
    expect(first).toHaveTextContent('31 May');
    expect(
      within(first).getByRole('link', { name: '出納閉鎖' }),
    ).toHaveAttribute(
      'href',
      '/city-hall-year/courses/yosan-kessan-no-tsunagari/1?fy=2030',
    );
    expect(asked).toEqual([2030]);
    expect(screen.getByTestId('course-start')).toHaveAttribute(
      'href',
      '/city-hall-year/courses/yosan-kessan-no-tsunagari/1?fy=2030',
    );
    // A step the reader may not read stays in place, without content.
    expect(screen.getByTestId('course-step-2')).toHaveTextContent(
      'not available',
    );
    expect(screen.queryByTestId('course-edit')).toBeNull();
  });

  it('shows the learner how far they are, marks the steps done and continues at the first one not done', async () => {
    await renderCourse(`/city-hall-year/courses/${SLUG}`, false, {
      done: [1],
    });
    const bar = await screen.findByTestId('course-progress');
    expect(bar).toHaveTextContent('1 of 2 steps done');
    expect(within(bar).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    expect(
      within(screen.getByTestId('course-step-1')).getByTestId(
        'course-step-check',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('course-step-2')).queryByTestId(
        'course-step-check',
      ),
    ).toBeNull();
    expect(screen.getByTestId('course-continue')).toHaveAttribute(
      'href',
      `/city-hall-year/courses/${SLUG}/2`,
    );
    expect(screen.queryByTestId('course-start')).toBeNull();
    // Only HR sees the learners.
    expect(screen.queryByTestId('course-learners')).toBeNull();
  });

  it('says when the course is finished and offers it from the start again', async () => {
    await renderCourse(`/city-hall-year/courses/${SLUG}`, false, {
      done: [1, 2],
    });
    expect(await screen.findByTestId('course-progress')).toHaveTextContent(
      'You finished this course.',
    );
    expect(screen.getByTestId('course-start')).toBeInTheDocument();
  });
});
