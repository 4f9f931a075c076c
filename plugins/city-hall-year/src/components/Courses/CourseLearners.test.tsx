import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CourseProgressSummary } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { CourseLearners } from './CourseLearners';

const SLUG = 'yosan-kessan-no-tsunagari';

function summary(): CourseProgressSummary {
  return {
    course: 'yosan-kessan-no-tsunagari',
    title: { ja: '予算と決算のつながり' },
    fiscalYear: 2026,
    steps: 2,
    minGroupSize: 3,
    total: { started: 4, finished: 1 },
    bySteps: [
      {
        position: 1,
        entrySlug: 'shutsuno-heisa',
        title: { ja: '出納閉鎖' },
        done: 4,
        unclear: 2,
      },
      { position: 2, entrySlug: 'secret-draft', done: 1, unclear: 0 },
    ],
    departments: [
      { group: 'group:default/kaikei-ka', started: 3, finished: 1 },
    ],
    hiddenDepartments: 1,
    audiences: [{ id: 'new-hires', title: { ja: '今年度の新規採用職員' } }],
    learners: [
      {
        user: 'user:default/kimura.aoi',
        departments: ['group:default/jinji-ka'],
        done: 1,
        finished: false,
        startedAt: '2026-06-01T00:00:00.000Z',
        lastDoneAt: '2026-06-01T00:00:00.000Z',
      },
    ],
  };
}

const NAMES: Record<string, string> = {
  'group:default/kaikei-ka': '会計課',
  'group:default/jinji-ka': '人事課',
  'user:default/kimura.aoi': '木村 葵',
};

/** A catalog that knows the display names above. */
const catalogApi = {
  getEntitiesByRefs: jest.fn(
    async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref =>
        NAMES[ref]
          ? {
              apiVersion: 'backstage.io/v1alpha1',
              kind: ref.startsWith('user:') ? 'User' : 'Group',
              metadata: { name: ref.split('/')[1] },
              spec: { profile: { displayName: NAMES[ref] } },
            }
          : undefined,
      ),
    }),
  ),
};

async function renderLearners(value: CourseProgressSummary) {
  const asked: Array<[string, number | undefined]> = [];
  const api = {
    ...createFakeApi(),
    getCourseProgressSummary: jest.fn(
      async (slug: string, fiscalYear?: number) => {
        asked.push([slug, fiscalYear]);
        return value;
      },
    ),
  };
  await renderInPlugin(<CourseLearners slug={SLUG} fiscalYear={2026} />, {
    api,
    apis: [[catalogApiRef, catalogApi]],
  });
  return { asked };
}

describe('CourseLearners', () => {
  it('shows HR the learners of a fiscal year, by step, department and audience, by display names', async () => {
    const { asked } = await renderLearners(summary());
    const learners = await screen.findByTestId('course-learners');
    expect(asked).toEqual([[SLUG, 2026]]);
    expect(learners).toHaveTextContent('FY2026');
    expect(
      within(learners).getByTestId('course-learners-total'),
    ).toHaveTextContent('4 started, 1 finished');
    expect(
      within(learners).getByTestId('course-learners-step-1'),
    ).toHaveTextContent(/出納閉鎖\s*42/);
    expect(
      await within(learners).findByText('会計課', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(
      within(learners).getByTestId('course-learners-hidden'),
    ).toHaveTextContent('1 more department(s) with fewer than 3 learners');
    expect(
      within(learners).getByTestId('course-learners-audience'),
    ).toHaveTextContent('fewer than 3 learners');
    const learner = within(learners).getByTestId('course-learners-learner');
    expect(learner).toHaveTextContent('木村 葵');
    expect(learner).toHaveTextContent('人事課');
    expect(learner).toHaveTextContent('1 / 2');
    expect(learners).not.toHaveTextContent('group:default');
    expect(learners).not.toHaveTextContent('user:default');
  });

  it('leaves out who is still unclear while fewer learners than the minimum started', async () => {
    const few = summary();
    few.total = { started: 2, finished: 0 };
    few.bySteps = few.bySteps.map(({ unclear: _unclear, ...step }) => ({
      ...step,
      done: 1,
    }));
    few.departments = [];
    few.hiddenDepartments = 2;
    await renderLearners(few);
    expect(
      await screen.findByTestId('course-learners-step-1'),
    ).toHaveTextContent(/出納閉鎖\s*1—/);
    expect(screen.getByTestId('course-learners')).toHaveTextContent(
      'Who is still unclear is shown once 3 or more learners started.',
    );
    expect(screen.getByTestId('course-learners-hidden')).toHaveTextContent(
      '2 more department(s)',
    );
  });

  it('says so when nobody started the course in the fiscal year', async () => {
    const none = summary();
    none.total = { started: 0, finished: 0 };
    none.learners = [];
    await renderLearners(none);
    expect(await screen.findByTestId('course-learners')).toHaveTextContent(
      'Nobody has started this course in this fiscal year yet.',
    );
  });
});
