import type {
  Course,
  CourseInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { conflictError } from '../../__testUtils__/conflictError';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { CourseEditor } from './CourseEditor';

fixToday('2026-12-01T03:00:00Z');

const course: Course = {
  id: 'c1',
  slug: 'kessan-no-kihon',
  title: { ja: '決算の基本' },
  audience: { ja: '会計担当' },
  steps: [
    { entry: 'shutsuno-heisa', note: { ja: '締めくくり' } },
    { entry: 'teiki-jinji-ido' },
  ],
  version: 4,
  createdBy: 'user:default/sato.hanako',
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedBy: 'user:default/sato.hanako',
  updatedAt: '2026-04-01T00:00:00.000Z',
};

/** An API that has the course stored, with some calls answered differently. */
function editing(changes: Partial<ReturnType<typeof createFakeApi>> = {}) {
  return {
    ...createFakeApi(),
    getCourse: jest.fn(async () => ({
      fiscalYear: 2026,
      course: course,
      steps: [],
    })),
    ...changes,
  };
}

function renderEditor(path: string, api = createFakeApi()) {
  return renderInPlugin(
    routes({
      '/city-hall-year/courses/new': <CourseEditor />,
      '/city-hall-year/courses/:slug/edit': <CourseEditor />,
      '/city-hall-year/courses/:slug': <p>course page</p>,
      '/city-hall-year/courses': <p>course list</p>,
    }),
    { api, path },
  );
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('CourseEditor', () => {
  it('builds a new course from this fiscal year’s entries and opens it once saved', async () => {
    const api = {
      ...createFakeApi(),
      createCourse: jest.fn(async (input: CourseInput) => ({
        ...course,
        ...input,
      })),
    };
    const toastApi = await renderEditor('/city-hall-year/courses/new', api);
    expect(
      screen.getByRole('heading', { level: 1, name: 'New training course' }),
    ).toBeInTheDocument();
    type('course-field-slug', 'kessan-no-kihon');
    type('course-field-titleJa', ' 決算の基本 ');
    type('course-field-audienceJa', '会計担当');

    // The entries of fiscal year 2026 (today is 1 December 2026), by name and slug.
    fireEvent.mouseDown(screen.getByTestId('course-step-entry-1'));
    fireEvent.click(
      await screen.findByRole('option', { name: '出納閉鎖（shutsuno-heisa）' }),
    );
    expect(api.requestedYears).toEqual([2026]);
    fireEvent.click(screen.getByTestId('course-add-step'));
    expect(screen.getByTestId('course-editor-step-2')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('course-save'));
    expect(await screen.findByText('course page')).toBeInTheDocument();
    // Trimmed, and the empty second step left out.
    expect(api.createCourse).toHaveBeenCalledWith({
      slug: 'kessan-no-kihon',
      title: { ja: '決算の基本' },
      audience: { ja: '会計担当' },
      steps: [{ entry: 'shutsuno-heisa' }],
    });
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({ title: 'Course saved.', status: 'success' }),
    ]);
  });

  it('edits a course: steps move, and the save names the version it started from', async () => {
    const api = editing({ updateCourse: jest.fn(async () => course) });
    await renderEditor('/city-hall-year/courses/kessan-no-kihon/edit', api);
    expect(await screen.findByTestId('course-field-slug')).toBeDisabled();
    expect(screen.getByTestId('course-field-titleJa')).toHaveValue(
      '決算の基本',
    );
    fireEvent.click(
      within(screen.getByTestId('course-editor-step-1')).getByRole('button', {
        name: 'Move down',
      }),
    );
    fireEvent.click(screen.getByTestId('course-save'));
    expect(await screen.findByText('course page')).toBeInTheDocument();
    expect(api.updateCourse).toHaveBeenCalledWith(
      'kessan-no-kihon',
      expect.objectContaining({
        steps: [
          { entry: 'teiki-jinji-ido' },
          { entry: 'shutsuno-heisa', note: { ja: '締めくくり' } },
        ],
      }),
      4,
    );
  });

  it('says that nothing was saved when somebody changed the course meanwhile', async () => {
    const api = editing({
      updateCourse: jest.fn(async () =>
        Promise.reject(
          await conflictError(
            'http://localhost/api/city-hall-year/courses/kessan-no-kihon',
          ),
        ),
      ),
    });
    await renderEditor('/city-hall-year/courses/kessan-no-kihon/edit', api);
    fireEvent.click(await screen.findByTestId('course-save'));
    expect(
      await screen.findByText(/Somebody changed this course meanwhile/),
    ).toBeInTheDocument();
    expect(screen.queryByText('course page')).toBeNull();
  });

  it('deletes a course and returns to the list', async () => {
    const api = editing({ deleteCourse: jest.fn(async () => {}) });
    const toastApi = await renderEditor(
      '/city-hall-year/courses/kessan-no-kihon/edit',
      api,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete course' }),
    );
    // It asks first, naming the course.
    const dialog = await screen.findByRole('dialog', {
      name: /^Delete the course “.+”\?$/,
    });
    expect(api.deleteCourse).not.toHaveBeenCalled();
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Delete course' }),
    );
    expect(await screen.findByText('course list')).toBeInTheDocument();
    expect(api.deleteCourse).toHaveBeenCalledWith('kessan-no-kihon', 4);
    await waitFor(() =>
      expect(toastApi.getToasts()).toEqual([
        expect.objectContaining({ title: 'Course deleted.' }),
      ]),
    );
  });
});
