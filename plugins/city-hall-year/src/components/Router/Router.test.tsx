import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { Router } from './Router';

/** Renders the plugin's routes at an address, as a legacy app mounts them. */
async function renderAt(path: string) {
  const api = {
    ...createFakeApi(),
    getEntry: jest.fn(async () => {
      throw new Error('no such entry');
    }),
    getCourse: jest.fn(async () => {
      throw new Error('no such course');
    }),
    listFeedTokens: jest.fn(async () => []),
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, api],
        [permissionApiRef, mockApis.permission()],
        [coreApis.toast, mockApis.toast()],
      ]}
    >
      <Routes>
        <Route path="/city-hall-year/*" element={<Router />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/city-hall-year': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

const title = (name: string) =>
  screen.findByRole('heading', { level: 1, name });

describe('Router', () => {
  it('shows the year at the mount point', async () => {
    await renderAt('/city-hall-year');
    expect(await title('City Hall Year')).toBeInTheDocument();
  });

  it.each([
    ['/city-hall-year/feeds', 'Calendar feeds'],
    ['/city-hall-year/import-export', 'Import and export'],
    ['/city-hall-year/new', 'New entry'],
    ['/city-hall-year/courses/new', 'New training course'],
  ])('shows the page of %s', async (path, name) => {
    await renderAt(path);
    expect(await title(name)).toBeInTheDocument();
  });

  it('reads an entry’s slug from its permalink', async () => {
    const api = await renderAt('/city-hall-year/entries/shutsuno-heisa');
    expect(await title('No such entry')).toBeInTheDocument();
    expect(api.getEntry).toHaveBeenCalledWith('shutsuno-heisa');
  });

  it('reads a course’s slug from its permalink', async () => {
    const api = await renderAt('/city-hall-year/courses/yosan-kessan');
    expect(await title('No such course')).toBeInTheDocument();
    expect(api.getCourse).toHaveBeenCalledWith('yosan-kessan', undefined);
  });

  it.each([
    ['/city-hall-year/transfer', 'Import and export'],
    ['/city-hall-year/curricula/new', 'New training course'],
  ])('sends the old address %s on to its page', async (path, name) => {
    await renderAt(path);
    expect(await title(name)).toBeInTheDocument();
  });

  it('keeps a course step’s old permalink and its query', async () => {
    const api = await renderAt(
      '/city-hall-year/curricula/yosan-kessan/2?fy=2027',
    );
    expect(await screen.findByText('no such course')).toBeInTheDocument();
    expect(api.getCourse).toHaveBeenCalledWith('yosan-kessan', 2027);
  });
});
