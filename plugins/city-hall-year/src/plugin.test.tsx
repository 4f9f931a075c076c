import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { cityHallYearApiRef } from './api';
import { CityHallYearPage, cityHallYearPlugin } from './plugin';
import { rootRouteRef } from './routes';
import { createFakeApi } from './__testUtils__/fakeYear';

describe('legacy plugin', () => {
  it('is the city-hall-year plugin', () => {
    expect(cityHallYearPlugin.getId()).toBe('city-hall-year');
  });

  it('mounts the year page as a routable extension', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cityHallYearApiRef, createFakeApi()],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route path="/city-hall-year" element={<CityHallYearPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year'],
        mountedRoutes: {
          '/city-hall-year': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(
      await screen.findByTestId('timeline-bar-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'City Hall Year' }),
    ).toBeInTheDocument();
  });
});
