import {
  timingSchema,
  type Timing,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi, fakeYear } from '../../__testUtils__/fakeYear';
import { choose } from '../../__testUtils__/choose';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { formProblems } from './useEntryForm';
import { TimingEditor } from './TimingEditor';

/** The editor as the entry form holds it: the timing in state, problems from the schema. */
async function renderTimingEditor(initial: unknown) {
  const changes: Timing[] = [];
  function Harness() {
    const [timing, setTiming] = useState(timingSchema.parse(initial));
    const problems = formProblems({
      ...fakeEntry({}),
      timing,
    } as never);
    return (
      <TimingEditor
        value={timing}
        onChange={next => {
          changes.push(next);
          setTiming(next);
        }}
        errorOf={path => problems.get(path)}
        slug="kessan-chosei"
        year={fakeYear(2026)}
        onNotationError={() => {}}
      />
    );
  }
  const api = {
    ...createFakeApi(),
    listEntries: jest.fn(async () => ({
      items: [fakeEntry({ slug: 'shutsuno-heisa', title: { ja: '出納閉鎖' } })],
      totalCount: 1,
      offset: 0,
      limit: 20,
    })),
  };
  await renderInPlugin(<Harness />, { api });
  return { last: () => changes[changes.length - 1] };
}

const preview = () => screen.getByTestId('timing-preview').textContent;

describe('TimingEditor', () => {
  it('changes the months of a rule by choosing, and previews this year’s dates', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 11 } }],
    });
    expect(preview()).toBe('This year: October – November');
    await choose('timing-rule-0-to-month', 'Dec');
    await choose('timing-rule-0-to-part', 'Mid (11th–20th)');
    expect(last().rules).toEqual([
      {
        kind: 'months',
        from: { month: 10 },
        to: { month: 12, part: 'middle' },
      },
    ]);
    // A range of month parts is read at that precision at both ends.
    expect(preview()).toBe('This year: early October – mid December');
    // Nothing of the editor is JSON.
    expect(document.body.textContent).not.toMatch(/[{"]kind/);
  });

  it('offers a form for each kind of rule', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 10 } }],
    });
    await choose('timing-rule-0-kind', 'A weekday of a month');
    await choose('timing-rule-0-nth', 'Second');
    await choose('timing-rule-0-weekday', 'Monday');
    expect(last().rules).toEqual([
      { kind: 'nthWeekday', month: 10, nth: 2, weekday: 1 },
    ]);
    expect(preview()).toBe('This year: 12 October');

    await choose('timing-rule-0-kind', 'On a date');
    fireEvent.change(screen.getByTestId('timing-rule-0-on-day'), {
      target: { value: '31' },
    });
    expect(last().rules).toEqual([
      { kind: 'date', on: { month: 10, day: 31 } },
    ]);
    // The shared schema says when the day does not exist.
    await choose('timing-rule-0-on-month', 'Nov');
    expect(
      await screen.findByText('day does not exist in that month'),
    ).toBeInTheDocument();
  });

  it('counts from another step picked by its title', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
    });
    await choose('timing-rule-0-kind', 'Counted from another step');
    fireEvent.change(screen.getByTestId('timing-rule-0-entry'), {
      target: { value: '出納' },
    });
    fireEvent.click(await screen.findByRole('option', { name: '出納閉鎖' }));
    fireEvent.change(screen.getByTestId('timing-rule-0-days'), {
      target: { value: '92' },
    });
    expect(last().rules).toEqual([
      {
        kind: 'relative',
        entry: 'shutsuno-heisa',
        anchor: 'start',
        offsetDays: 92,
        durationDays: 1,
      },
    ]);
    // 出納閉鎖 is on 31 May in the fake year.
    await waitFor(() => expect(preview()).toBe('This year: 31 August'));
  });

  it('adds the dates of a year with date fields, which replace the rules for that year', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
    });
    fireEvent.click(screen.getByTestId('timing-add-override'));
    fireEvent.change(screen.getByTestId('timing-override-0-0-start'), {
      target: { value: '2026-06-05' },
    });
    fireEvent.change(screen.getByTestId('timing-override-0-0-end'), {
      target: { value: '2026-06-24' },
    });
    expect(last().overrides).toEqual([
      { fiscalYear: 2026, dates: [{ start: '2026-06-05', end: '2026-06-24' }] },
    ]);
    expect(preview()).toBe('This year: 5 June – 24 June');
    // An end before the start is refused by the schema, next to the field.
    fireEvent.change(screen.getByTestId('timing-override-0-0-end'), {
      target: { value: '2026-06-01' },
    });
    expect(await screen.findByText('end is before start')).toBeInTheDocument();
  });

  it('edits the note in both languages, and clearing both leaves no note', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 9 }, to: { month: 10 } }],
      note: { ja: '例年9月ごろ' },
    });
    expect(screen.getByTestId('timing-note-ja')).toHaveValue('例年9月ごろ');
    fireEvent.change(screen.getByTestId('timing-note-ja'), {
      target: { value: '例年9月下旬に示します' },
    });
    fireEvent.change(screen.getByTestId('timing-note-en'), {
      target: { value: 'Usually in late September' },
    });
    expect(last().note).toEqual({
      ja: '例年9月下旬に示します',
      en: 'Usually in late September',
    });
    fireEvent.change(screen.getByTestId('timing-note-ja'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByTestId('timing-note-en'), {
      target: { value: '' },
    });
    expect(last().note).toBeUndefined();
  });

  it('keeps the notation as a shortcut that changes the rules, not the dates of a year or the note', async () => {
    const { last } = await renderTimingEditor({
      rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
      overrides: [{ fiscalYear: 2026, dates: [{ start: '2026-06-05' }] }],
      note: { ja: '例年6月' },
    });
    fireEvent.click(
      within(screen.getByTestId('timing-notation-switch')).getByRole(
        'checkbox',
      ),
    );
    const field = screen.getByTestId('editor-timing');
    expect(field).toHaveValue('6月');
    fireEvent.change(field, { target: { value: '6月上旬\n9月' } });
    expect(last()).toEqual({
      asNeeded: false,
      rules: [
        {
          kind: 'months',
          from: { month: 6, part: 'early' },
          to: { month: 6, part: 'early' },
        },
        { kind: 'months', from: { month: 9 }, to: { month: 9 } },
      ],
      overrides: [{ fiscalYear: 2026, dates: [{ start: '2026-06-05' }] }],
      note: { ja: '例年6月' },
    });
    fireEvent.change(field, { target: { value: '来年の春' } });
    expect(
      await screen.findByText(/cannot read '来年の春'/),
    ).toBeInTheDocument();
  });
});
