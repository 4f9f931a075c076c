import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeYear } from '../../__testUtils__/fakeYear';
import {
  matchesFilters,
  YearFilters,
  type YearFilterState,
} from './YearFilters';

const [transfers, booksClose, session] = fakeYear(2026).occurrences;
const none: YearFilterState = { cycles: [], query: '' };

describe('matchesFilters', () => {
  it.each([
    ['nothing chosen', none, [true, true, true]],
    ['one cycle', { ...none, cycles: ['council'] }, [false, false, true]],
    [
      'two cycles',
      { ...none, cycles: ['council', 'personnel'] },
      [true, false, true],
    ],
    [
      'one department',
      { ...none, owner: 'group:default/kaikei-ka' },
      [false, true, false],
    ],
    ['Japanese text', { ...none, query: ' 出納 ' }, [false, true, false]],
    [
      'English text, any case',
      { ...none, query: 'BOOKS' },
      [false, true, false],
    ],
    ['a slug', { ...none, query: 'teiki' }, [true, false, false]],
    [
      'cycle and text together',
      { cycles: ['settlement'], query: '定例会' },
      [false, false, false],
    ],
  ] as Array<[string, YearFilterState, boolean[]]>)(
    '%s',
    (_name, filters, expected) => {
      expect(
        [transfers, booksClose, session].map(o => matchesFilters(o, filters)),
      ).toEqual(expected);
    },
  );
});

describe('YearFilters', () => {
  async function renderFilters(value: YearFilterState) {
    const onChange = jest.fn();
    await renderInTestApp(
      <YearFilters
        value={value}
        owners={['group:default/kaikei-ka', 'group:default/giji-ka']}
        onChange={onChange}
      />,
    );
    return onChange;
  }

  it('adds a cycle to the chosen ones and keeps the rest of the filters', async () => {
    const onChange = await renderFilters({
      cycles: ['budget'],
      query: '予算',
    });
    const cycles = screen.getByRole('group', { name: 'Cycles' });
    expect(
      within(cycles).getByRole('button', { name: 'Budget' }),
    ).toHaveAttribute('aria-pressed', 'true');
    // "Other" is no filter of its own.
    expect(within(cycles).queryByRole('button', { name: 'Other' })).toBeNull();
    fireEvent.click(within(cycles).getByRole('button', { name: 'Council' }));
    expect(onChange).toHaveBeenCalledWith({
      cycles: ['budget', 'council'],
      query: '予算',
    });
  });

  it('passes on the search text and the department', async () => {
    const onChange = await renderFilters(none);
    fireEvent.change(screen.getByLabelText('Search the year'), {
      target: { value: '決算' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ ...none, query: '決算' });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Department' }));
    fireEvent.click(await screen.findByRole('option', { name: /giji-ka/ }));
    expect(onChange).toHaveBeenLastCalledWith({
      ...none,
      owner: 'group:default/giji-ka',
    });
  });
});
