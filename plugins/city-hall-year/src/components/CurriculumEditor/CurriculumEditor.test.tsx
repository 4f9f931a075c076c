import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  Curriculum,
  CurriculumInput,
} from '@internal/plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { conflictError } from '../../__testUtils__/conflictError';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import { rootRouteRef } from '../../routes';
import { CurriculumEditor } from './CurriculumEditor';

fixToday('2026-12-01T03:00:00Z');

const course: Curriculum = {
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
    getCurriculum: jest.fn(async () => ({
      fiscalYear: 2026,
      curriculum: course,
      steps: [],
    })),
    ...changes,
  };
}

async function renderEditor(path: string, api = createFakeApi()) {
  const toastApi = mockApis.toast();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, api],
        [coreApis.toast, toastApi],
      ]}
    >
      <Routes>
        <Route
          path="/city-hall-year/curricula/new"
          element={<CurriculumEditor />}
        />
        <Route
          path="/city-hall-year/curricula/:slug/edit"
          element={<CurriculumEditor />}
        />
        <Route
          path="/city-hall-year/curricula/:slug"
          element={<p>course page</p>}
        />
        <Route path="/city-hall-year/curricula" element={<p>course list</p>} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/city-hall-year': rootRouteRef },
    },
  );
  return toastApi;
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('CurriculumEditor', () => {
  it('builds a new course from this fiscal year’s entries and opens it once saved', async () => {
    const api = {
      ...createFakeApi(),
      createCurriculum: jest.fn(async (input: CurriculumInput) => ({
        ...course,
        ...input,
      })),
    };
    const toastApi = await renderEditor('/city-hall-year/curricula/new', api);
    expect(
      screen.getByRole('heading', { level: 1, name: 'New training course' }),
    ).toBeInTheDocument();
    type('curriculum-field-slug', 'kessan-no-kihon');
    type('curriculum-field-titleJa', ' 決算の基本 ');
    type('curriculum-field-audienceJa', '会計担当');

    // The entries of fiscal year 2026 (today is 1 December 2026), by name and slug.
    fireEvent.mouseDown(screen.getByTestId('curriculum-step-entry-1'));
    fireEvent.click(
      await screen.findByRole('option', { name: '出納閉鎖（shutsuno-heisa）' }),
    );
    expect(api.requestedYears).toEqual([2026]);
    fireEvent.click(screen.getByTestId('curriculum-add-step'));
    expect(screen.getByTestId('curriculum-editor-step-2')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('curriculum-save'));
    expect(await screen.findByText('course page')).toBeInTheDocument();
    // Trimmed, and the empty second step left out.
    expect(api.createCurriculum).toHaveBeenCalledWith({
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
    const api = editing({ updateCurriculum: jest.fn(async () => course) });
    await renderEditor('/city-hall-year/curricula/kessan-no-kihon/edit', api);
    expect(await screen.findByTestId('curriculum-field-slug')).toBeDisabled();
    expect(screen.getByTestId('curriculum-field-titleJa')).toHaveValue(
      '決算の基本',
    );
    fireEvent.click(
      within(screen.getByTestId('curriculum-editor-step-1')).getByRole(
        'button',
        { name: 'Move down' },
      ),
    );
    fireEvent.click(screen.getByTestId('curriculum-save'));
    expect(await screen.findByText('course page')).toBeInTheDocument();
    expect(api.updateCurriculum).toHaveBeenCalledWith(
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
      updateCurriculum: jest.fn(async () =>
        Promise.reject(
          await conflictError(
            'http://localhost/api/city-hall-year/curricula/kessan-no-kihon',
          ),
        ),
      ),
    });
    await renderEditor('/city-hall-year/curricula/kessan-no-kihon/edit', api);
    fireEvent.click(await screen.findByTestId('curriculum-save'));
    expect(
      await screen.findByText(/Somebody changed this course meanwhile/),
    ).toBeInTheDocument();
    expect(screen.queryByText('course page')).toBeNull();
  });

  it('deletes a course and returns to the list', async () => {
    const api = editing({ deleteCurriculum: jest.fn(async () => {}) });
    const toastApi = await renderEditor(
      '/city-hall-year/curricula/kessan-no-kihon/edit',
      api,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Delete course' }),
    );
    expect(await screen.findByText('course list')).toBeInTheDocument();
    expect(api.deleteCurriculum).toHaveBeenCalledWith('kessan-no-kihon', 4);
    await waitFor(() =>
      expect(toastApi.getToasts()).toEqual([
        expect.objectContaining({ title: 'Course deleted.' }),
      ]),
    );
  });
});
