import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { fixToday } from '../../__testUtils__/fixedToday';
import {
  mockPermissionApi,
  renderInPlugin,
} from '../../__testUtils__/renderInPlugin';
import { EntryActions } from './EntryActions';

fixToday('2026-12-01T03:00:00Z');

/**
 * Each test uses its own entry id: the permission hook caches decisions per
 * resource, across renders.
 */
async function renderActions(options: {
  id: string;
  allowed: boolean;
  confirmedFiscalYear?: number;
  confirmEntry?: () => Promise<never>;
}) {
  const entry = fakeEntry(
    {},
    { id: options.id, confirmedFiscalYear: options.confirmedFiscalYear },
  );
  const api = {
    ...createFakeApi(),
    confirmEntry: jest.fn(
      options.confirmEntry ?? (async () => ({ ...entry, version: 4 })),
    ),
  };
  const errorApi = mockApis.error({ collect: true });
  const onConfirmed = jest.fn();
  const toastApi = await renderInPlugin(
    <EntryActions entry={entry} onConfirmed={onConfirmed} />,
    {
      api,
      apis: [
        [permissionApiRef, mockPermissionApi(options.allowed)],
        [coreApis.error, errorApi],
      ],
    },
  );
  return { api, toastApi, errorApi, onConfirmed };
}

describe('EntryActions', () => {
  it('lets an editor edit the entry and confirm it for this fiscal year', async () => {
    const { api, toastApi, onConfirmed } = await renderActions({
      id: 'actions-1',
      allowed: true,
      confirmedFiscalYear: 2025,
    });
    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-heisa/edit',
    );
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-heisa/history',
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Confirm for this year' }),
    );
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    expect(api.confirmEntry).toHaveBeenCalledWith('actions-1', 3);
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Confirmed for this year',
        status: 'success',
      }),
    ]);
  });

  it('offers no confirmation once the entry is confirmed for this fiscal year', async () => {
    await renderActions({
      id: 'actions-2',
      allowed: true,
      confirmedFiscalYear: 2026,
    });
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Confirm for this year' }),
    ).toBeNull();
  });

  it('offers only the history when the permission framework says no', async () => {
    await renderActions({ id: 'actions-3', allowed: false });
    expect(screen.getByRole('link', { name: 'History' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull(),
    );
    expect(
      screen.queryByRole('button', { name: 'Confirm for this year' }),
    ).toBeNull();
  });

  it('reports a confirmation the server refused, and does not refresh', async () => {
    const { errorApi, toastApi, onConfirmed } = await renderActions({
      id: 'actions-4',
      allowed: true,
      confirmedFiscalYear: 2025,
      confirmEntry: async () => {
        throw new Error('changed meanwhile');
      },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Confirm for this year' }),
    );
    await waitFor(() =>
      expect(errorApi.getErrors()).toEqual([
        expect.objectContaining({
          error: expect.objectContaining({ message: 'changed meanwhile' }),
        }),
      ]),
    );
    expect(onConfirmed).not.toHaveBeenCalled();
    expect(toastApi.getToasts()).toEqual([]);
  });
});
