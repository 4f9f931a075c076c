import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { EntryPage } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cityHallYearApiRef, type ListEntriesRequest } from '../../api';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { ENTRY_PICKER_LIMIT, EntryPicker } from './EntryPicker';

const entries = [
  fakeEntry({ slug: 'kessan-chosei', title: { ja: '決算の調製' } }),
  fakeEntry({ slug: 'kessan-nintei', title: { ja: '決算の認定' } }),
  fakeEntry({ slug: 'yosan-yokyu', title: { ja: '予算要求' } }),
];

/** The backend's answer: the entries whose slug or name contain `q`, and how many match in all. */
function search(totalCount?: number) {
  return jest.fn(
    async (request: ListEntriesRequest = {}): Promise<EntryPage> => {
      const items = entries.filter(
        e =>
          !request.q ||
          e.slug.includes(request.q) ||
          e.title.ja.includes(request.q),
      );
      return {
        items,
        totalCount: totalCount ?? items.length,
        offset: 0,
        limit: request.limit ?? 50,
      };
    },
  );
}

async function renderPicker(
  listEntries: ReturnType<typeof search>,
  value: string[] = [],
) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[[cityHallYearApiRef, { ...createFakeApi(), listEntries }]]}
    >
      <EntryPicker
        label="Comes after"
        value={value}
        onChange={onChange}
        exclude="yosan-yokyu"
        testId="picker"
      />
    </TestApiProvider>,
  );
  return onChange;
}

describe('EntryPicker', () => {
  it('searches the backend as the person types and offers the matches by title', async () => {
    const listEntries = search();
    const onChange = await renderPicker(listEntries, ['kessan-nintei']);
    await waitFor(() =>
      expect(listEntries).toHaveBeenCalledWith({
        q: undefined,
        limit: ENTRY_PICKER_LIMIT,
      }),
    );
    fireEvent.change(screen.getByTestId('picker'), {
      target: { value: '決算' },
    });
    await waitFor(() =>
      expect(listEntries).toHaveBeenLastCalledWith({
        q: '決算',
        limit: ENTRY_PICKER_LIMIT,
      }),
    );
    const listbox = await screen.findByRole('listbox');
    // The chosen entry is not offered again; the entry itself never is.
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['決算の調製']);
    fireEvent.click(within(listbox).getByRole('option'));
    expect(onChange).toHaveBeenCalledWith(['kessan-nintei', 'kessan-chosei']);
  });

  it('says so when more entries match than it shows', async () => {
    await renderPicker(search(51));
    expect(
      await screen.findByText(
        'Showing 3 of 51 matching entries: type more of the name or slug to find the others',
      ),
    ).toBeInTheDocument();
  });

  it('shows the chosen entries by title, and one nobody can read by its slug', async () => {
    await renderPicker(search(), ['kessan-nintei', 'gone-entry']);
    expect(
      await screen.findByRole('button', { name: '決算の認定' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'gone-entry' }),
    ).toBeInTheDocument();
  });
});
