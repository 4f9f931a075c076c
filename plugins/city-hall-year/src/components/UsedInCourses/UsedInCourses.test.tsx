import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { CourseBacklink } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { screen, waitFor, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { UsedInCourses } from './UsedInCourses';

async function renderCourses(courses: CourseBacklink[]) {
  const api = {
    ...createFakeApi(),
    listEntryCourses: jest.fn(async () => courses),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
      <UsedInCourses slug="shutsuno-heisa" />
    </TestApiProvider>,
    { mountedRoutes: { '/city-hall-year': rootRouteRef } },
  );
  return api;
}

describe('UsedInCourses', () => {
  it('links each course that uses the entry to the entry’s step in it', async () => {
    const api = await renderCourses([
      {
        slug: 'shinki-saiyo',
        title: { ja: '新規採用職員研修' },
        position: 5,
      },
      {
        slug: 'yosan-kessan',
        title: { ja: '予算と決算のつながり' },
        position: 8,
      },
    ]);
    const section = await screen.findByTestId('entry-used-in');
    expect(
      within(section).getByRole('heading', {
        name: 'Used in training courses',
      }),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole('link', { name: '新規採用職員研修（Step 5）' }),
    ).toHaveAttribute('href', '/city-hall-year/courses/shinki-saiyo/5');
    expect(
      within(section).getByRole('link', {
        name: '予算と決算のつながり（Step 8）',
      }),
    ).toHaveAttribute('href', '/city-hall-year/courses/yosan-kessan/8');
    expect(api.listEntryCourses).toHaveBeenCalledWith('shutsuno-heisa');
  });

  it('shows nothing when no course uses the entry', async () => {
    const api = await renderCourses([]);
    await waitFor(() => expect(api.listEntryCourses).toHaveBeenCalled());
    expect(screen.queryByTestId('entry-used-in')).toBeNull();
  });
});
