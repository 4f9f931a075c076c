import type { EntryInput } from '@internal/plugin-city-hall-year-common';
import { conflictingFields, defaultChoices, mergeEntry } from './merge';

const base = {
  slug: 'x',
  title: { ja: '元の題名' },
  summary: { ja: '元の概要' },
  purpose: { ja: '元の目的' },
} as EntryInput;

describe('merge', () => {
  const mine = { ...base, summary: { ja: '私の概要' } } as EntryInput;
  const theirs = {
    ...base,
    title: { ja: '相手の題名' },
    summary: { ja: '相手の概要' },
  } as EntryInput;

  it('finds the fields that differ', () => {
    expect(conflictingFields(mine, theirs)).toEqual(['summary', 'title']);
  });

  it('keeps what I changed and takes what only they changed', () => {
    expect(defaultChoices(base, mine, theirs)).toEqual({
      summary: 'mine',
      title: 'theirs',
    });
  });

  it('merges by the choices, losing neither side’s chosen text', () => {
    const merged = mergeEntry(mine, theirs, {
      summary: 'mine',
      title: 'theirs',
    });
    expect(merged.summary).toEqual({ ja: '私の概要' });
    expect(merged.title).toEqual({ ja: '相手の題名' });
    expect(merged.purpose).toEqual({ ja: '元の目的' });
  });
});
