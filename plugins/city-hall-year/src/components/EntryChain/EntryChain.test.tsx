import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { rootRouteRef } from '../../routes';
import { EntryChain } from './EntryChain';

const mountedRoutes = { '/city-hall-year': rootRouteRef };

describe('EntryChain', () => {
  it('links the steps before and after the entry, with the entry between them', async () => {
    await renderInTestApp(
      <EntryChain
        entry={fakeEntry({
          dependsOn: ['shutsuno-seiri-kikan'],
          feedsInto: ['kessan-chosei', 'kessan-tokei'],
        })}
      />,
      { mountedRoutes },
    );
    const chain = screen.getByTestId('entry-chain');
    const before = within(chain).getByRole('link', {
      name: 'shutsuno-seiri-kikan',
    });
    expect(before).toHaveAttribute(
      'href',
      '/city-hall-year/entries/shutsuno-seiri-kikan',
    );
    const itself = within(chain).getByText('出納閉鎖');
    const after = within(chain).getByRole('link', { name: 'kessan-tokei' });
    expect(after).toHaveAttribute(
      'href',
      '/city-hall-year/entries/kessan-tokei',
    );
    expect(
      before.compareDocumentPosition(itself) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      itself.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(chain).getAllByRole('link')).toHaveLength(3);
  });

  it('shows a dash on a side with no step', async () => {
    await renderInTestApp(<EntryChain entry={fakeEntry()} />, {
      mountedRoutes,
    });
    const chain = screen.getByTestId('entry-chain');
    expect(within(chain).getAllByText('—')).toHaveLength(2);
    expect(within(chain).queryByRole('link')).toBeNull();
  });
});
