import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { HandoverReport } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { HandoverPage } from './HandoverPage';

const report: HandoverReport = {
  checkedAt: '2027-04-01T00:00:00.000Z',
  orphans: [
    {
      owner: 'group:default/kaikei-ka',
      entries: [
        {
          id: 'e1',
          slug: 'shutsuno-heisa',
          title: { ja: '出納閉鎖' },
          cycle: 'settlement',
          owner: 'group:default/kaikei-ka',
          version: 4,
        },
        {
          id: 'e2',
          slug: 'kessan-chosei',
          title: { ja: '決算の調製' },
          cycle: 'settlement',
          owner: 'group:default/kaikei-ka',
          version: 2,
        },
      ],
    },
  ],
};

describe('HandoverPage', () => {
  it('hands the chosen orphaned entries to the chosen Group, with the versions seen', async () => {
    const handOver = jest.fn(async () => []);
    const api = {
      ...createFakeApi(),
      getHandover: jest.fn(async () => report),
      handOver,
    };
    const catalogApi = {
      getEntities: async () => ({
        items: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'suito-ka', namespace: 'default' },
            spec: { profile: { displayName: '出納課' } },
          },
        ],
      }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cityHallYearApiRef, api],
          [catalogApiRef, catalogApi],
          [coreApis.toast, mockApis.toast()],
        ]}
      >
        <HandoverPage />
      </TestApiProvider>,
      { mountedRoutes: { '/city-hall-year': rootRouteRef } },
    );
    expect(await screen.findByTestId('handover-owner')).toHaveTextContent(
      'group:default/kaikei-ka',
    );
    expect(screen.getByTestId('handover-apply')).toBeDisabled();

    fireEvent.click(screen.getByRole('checkbox', { name: '出納閉鎖' }));
    const owner = screen.getByRole('combobox');
    fireEvent.change(owner, { target: { value: '出納' } });
    fireEvent.click(
      await screen.findByText('出納課（group:default/suito-ka）'),
    );
    fireEvent.click(screen.getByTestId('handover-apply'));

    await waitFor(() => expect(handOver).toHaveBeenCalled());
    expect(handOver).toHaveBeenCalledWith([
      { entry: 'e1', version: 4, owner: 'group:default/suito-ka' },
    ]);
  });

  it('says so when every owner is in the catalog', async () => {
    const api = {
      ...createFakeApi(),
      getHandover: async () => ({ checkedAt: report.checkedAt, orphans: [] }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [cityHallYearApiRef, api],
          [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
          [coreApis.toast, mockApis.toast()],
        ]}
      >
        <HandoverPage />
      </TestApiProvider>,
      { mountedRoutes: { '/city-hall-year': rootRouteRef } },
    );
    expect(await screen.findByTestId('handover-none')).toBeInTheDocument();
  });
});
