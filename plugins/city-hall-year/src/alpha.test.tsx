import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import plugin from './alpha';
import { cityHallYearApiRef } from './api';
import { createFakeApi } from './__testUtils__/fakeYear';

describe('new frontend system plugin', () => {
  it('mounts the year page at /city-hall-year', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/city-hall-year'],
      apis: [[cityHallYearApiRef, createFakeApi()]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });
    expect(
      await screen.findByTestId('timeline-bar-teiki-jinji-ido'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('timeline-bar-teiki-jinji-ido'),
    ).toHaveTextContent('Regular transfers');
  });
});
