import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { resolveFiscalYear } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { renderInPlugin, routes } from '../../__testUtils__/renderInPlugin';
import { EntryPage } from './EntryPage';

const entry = fakeEntry(
  {
    purpose: {
      ja: '前年度の収支を**確定**させるためです。',
      en: 'To **fix** the figures.',
    },
    legalBasis: [{ law: '地方自治法', article: '第235条の5' }],
    dependsOn: ['shutsuno-seiri-kikan'],
    feedsInto: ['kessan-chosei'],
    links: [{ title: '例規集', url: 'https://example.jp/reiki' }],
    concernsFiscalYear: 'previous',
  },
  { id: 'id-1', confirmedFiscalYear: resolveFiscalYear(new Date()) },
);

/**
 * Each test uses its own entry id: the permission hook caches decisions per
 * resource, across renders.
 */
async function renderEntryPage(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  id: string,
  apiChanges: Partial<ReturnType<typeof createFakeApi>> = {},
) {
  const api = {
    ...createFakeApi(),
    // The entry itself, and the step before it, which the chain names by its title.
    getEntry: jest.fn(async (slug: string) =>
      slug === 'shutsuno-seiri-kikan'
        ? {
            ...entry,
            id: 'id-seiri',
            slug,
            title: { ja: '出納整理期間', en: 'Cash clean-up period' },
          }
        : { ...entry, id },
    ),
    ...apiChanges,
  };
  const catalogApi = {
    getEntityByRef: async () => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'kaikei-ka' },
      spec: { profile: { email: 'kaikei-ka@city.example.jp' } },
    }),
  };
  const asked: unknown[] = [];
  const permissionApi = mockApis.permission({
    authorize: request => {
      asked.push(request);
      return result;
    },
  });
  await renderInPlugin(
    routes({ '/city-hall-year/entries/:slug': <EntryPage /> }),
    {
      api,
      apis: [
        [permissionApiRef, permissionApi],
        [catalogApiRef, catalogApi],
      ],
      path: '/city-hall-year/entries/shutsuno-heisa',
    },
  );
  return { api, asked };
}

describe('EntryPage', () => {
  it('puts the purpose first, then what happens, then what it means for new staff', async () => {
    const { api } = await renderEntryPage(AuthorizeResult.DENY, 'id-1');

    const purpose = await screen.findByTestId('entry-purpose');
    const whatHappens = screen.getByTestId('entry-what-happens');
    const forNewStaff = screen.getByTestId('entry-for-new-staff');
    expect(
      purpose.compareDocumentPosition(whatHappens) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      whatHappens.compareDocumentPosition(forNewStaff) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // One language at a time: the reader's, the other a click away.
    expect(within(purpose).getByText('fix').tagName).toBe('STRONG');
    expect(within(purpose).queryByText('確定')).toBeNull();
    fireEvent.click(
      within(purpose).getByRole('button', { name: 'Read in Japanese' }),
    );
    expect(within(purpose).getByText('確定').tagName).toBe('STRONG');
    expect(within(purpose).queryByText('fix')).toBeNull();
    expect(api.getEntry).toHaveBeenCalledWith('shutsuno-heisa');

    const chain = screen.getByTestId('entry-chain');
    expect(
      (await within(chain).findByText('Cash clean-up period')).closest('a'),
    ).toHaveAttribute('href', '/city-hall-year/entries/shutsuno-seiri-kikan');
    // The yearly confirmation is for the owners and HR: a reader sees none.
    expect(screen.queryByTestId('entry-confirmed')).toBeNull();
    expect(screen.getByText('地方自治法 第235条の5')).toBeInTheDocument();
    expect(await screen.findByTestId('entry-owner-contact')).toHaveAttribute(
      'href',
      'mailto:kaikei-ka@city.example.jp',
    );
    expect(screen.getByRole('button', { name: 'Copy link' })).toHaveAttribute(
      'data-permalink',
      expect.stringMatching(/\/city-hall-year\/entries\/shutsuno-heisa$/),
    );
    expect(screen.getByText(/^Concerns FY\d+$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      /^Books close$/,
    );
  });

  it('offers editing only when the permission framework allows it', async () => {
    await renderEntryPage(AuthorizeResult.DENY, 'id-2');
    await screen.findByTestId('entry-purpose');
    expect(
      screen.queryByRole('link', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History' })).toBeInTheDocument();
  });

  it('shows the edit button and the yearly confirmation to the owner', async () => {
    const { asked } = await renderEntryPage(AuthorizeResult.ALLOW, 'id-3');
    await screen.findByTestId('entry-purpose');
    expect(await screen.findByTestId('entry-confirmed')).toHaveTextContent(
      'Confirmed for',
    );
    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-heisa/edit',
    );
    expect(asked).toContainEqual(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'city-hall-year.entry.update',
        }),
        resourceRef: 'id-3',
      }),
    );
  });

  it('shows the entry as confirmed once confirmed, by loading it again rather than the page', async () => {
    const unconfirmed = {
      ...entry,
      id: 'id-4',
      confirmedFiscalYear: resolveFiscalYear(new Date()) - 1,
    };
    const getEntry = jest
      .fn()
      .mockResolvedValueOnce(unconfirmed)
      .mockResolvedValue({
        ...unconfirmed,
        confirmedFiscalYear: entry.confirmedFiscalYear,
      });
    const confirmEntry = jest.fn(async () => unconfirmed);
    await renderEntryPage(AuthorizeResult.ALLOW, 'id-4', {
      getEntry,
      confirmEntry,
    });
    expect(await screen.findByTestId('entry-confirmed')).toHaveTextContent(
      'Not yet confirmed for',
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Confirm for this year' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('entry-confirmed')).toHaveTextContent(
        /^Confirmed for/,
      ),
    );
    expect(confirmEntry).toHaveBeenCalledWith('id-4', 3);
    // Read twice: once shown, once confirmed (the chain reads only its steps).
    expect(
      getEntry.mock.calls.filter(([slug]) => slug === entry.slug),
    ).toHaveLength(2);
    // The page stayed: what it showed before is still there, nothing was reloaded.
    expect(screen.getByTestId('entry-purpose')).toBeInTheDocument();
  });
});
