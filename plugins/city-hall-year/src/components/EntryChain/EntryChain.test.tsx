import { screen, waitFor, within } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { fixToday } from '../../__testUtils__/fixedToday';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { EntryChain } from './EntryChain';

fixToday('2026-12-01T03:00:00Z');

describe('EntryChain', () => {
  it('links the steps before and after the entry by their titles, with the entry between them', async () => {
    await renderInPlugin(
      <EntryChain
        entry={fakeEntry({
          dependsOn: ['teiki-jinji-ido'],
          feedsInto: ['dai1kai-teireikai', 'rinjikai'],
        })}
      />,
    );
    const chain = screen.getByTestId('entry-chain');
    // Titles in the reader's language (English in the test app), never slugs.
    const before = await within(chain).findByRole('link', {
      name: 'Regular transfers',
    });
    expect(before).toHaveAttribute(
      'href',
      '/city-hall-year/entries/teiki-jinji-ido',
    );
    const itself = within(chain).getByText('Books close');
    const after = within(chain).getByRole('link', {
      name: 'Extraordinary session',
    });
    expect(after).toHaveAttribute('href', '/city-hall-year/entries/rinjikai');
    expect(
      within(chain).getByRole('link', { name: 'First regular session' }),
    ).toBeInTheDocument();
    expect(
      before.compareDocumentPosition(itself) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      itself.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(chain).getAllByRole('link')).toHaveLength(3);
    expect(chain).not.toHaveTextContent(/teiki-jinji-ido|rinjikai/);
  });

  it('keeps the slug of a step the reader cannot see', async () => {
    await renderInPlugin(
      <EntryChain entry={fakeEntry({ feedsInto: ['hikokai-no-koumoku'] })} />,
    );
    const chain = screen.getByTestId('entry-chain');
    await waitFor(() =>
      expect(
        within(chain).getByRole('link', { name: 'hikokai-no-koumoku' }),
      ).toBeInTheDocument(),
    );
  });

  it('shows a dash on a side with no step', async () => {
    await renderInPlugin(<EntryChain entry={fakeEntry()} />);
    const chain = screen.getByTestId('entry-chain');
    expect(within(chain).getAllByText('—')).toHaveLength(2);
    expect(within(chain).queryByRole('link')).toBeNull();
  });
});
