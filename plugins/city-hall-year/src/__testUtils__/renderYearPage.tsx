import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ChangesSince } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { YearPage } from '../components/YearPage';
import { createFakeApi } from './fakeYear';
import { mockPermissionApi, renderInPlugin } from './renderInPlugin';

/** Renders the year page on the fake year, as HR or as anybody else. */
export async function renderYearPage(
  options: { changes?: ChangesSince; hr?: boolean } = {},
) {
  const api = createFakeApi({ changes: options.changes });
  await renderInPlugin(<YearPage />, {
    api,
    apis: [[permissionApiRef, mockPermissionApi(Boolean(options.hr))]],
  });
  return api;
}
