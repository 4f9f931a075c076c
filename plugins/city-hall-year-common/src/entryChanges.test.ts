import {
  changedFields,
  defaultMergeChoices,
  entrySearchText,
  mergeFields,
  sameFieldValue,
} from './entryChanges';
import { exampleEntry } from './__testUtils__/exampleEntry';

describe('sameFieldValue', () => {
  it.each([
    ['equal text', { ja: '予算' }, { ja: '予算' }, true],
    ['other text', { ja: '予算' }, { ja: '決算' }, false],
    [
      'keys in another order',
      { ja: '予算', en: 'Budget' },
      { en: 'Budget', ja: '予算' },
      true,
    ],
    [
      'an undefined key and a missing one',
      { ja: '予算', en: undefined },
      { ja: '予算' },
      true,
    ],
    ['undefined and null', undefined, null, true],
    ['an empty list and none', [], undefined, false],
    ['lists in another order', ['a', 'b'], ['b', 'a'], false],
    [
      'nested rules with keys in another order',
      { rules: [{ kind: 'months', from: { month: 6 }, to: { month: 7 } }] },
      { rules: [{ to: { month: 7 }, from: { month: 6 }, kind: 'months' }] },
      true,
    ],
    ['a number and its text', 1, '1', false],
  ])('%s', (_name, a, b, same) => {
    expect(sameFieldValue(a, b)).toBe(same);
    expect(sameFieldValue(b, a)).toBe(same);
  });
});

describe('changedFields', () => {
  const before = {
    title: { ja: '予算編成方針' },
    tags: ['予算'],
    cycle: 'budget',
  };
  it.each([
    ['nothing changed', before, { ...before }, []],
    [
      'keys reordered',
      before,
      { cycle: 'budget', tags: ['予算'], title: { ja: '予算編成方針' } },
      [],
    ],
    ['one field', before, { ...before, tags: ['予算', '財政'] }, ['tags']],
    [
      'a field added',
      before,
      { ...before, summary: { ja: '概要' } },
      ['summary'],
    ],
    [
      'a field removed',
      before,
      { title: before.title, cycle: 'budget' },
      ['tags'],
    ],
    [
      'sorted by name',
      before,
      { title: { ja: '別' }, tags: [], cycle: 'council' },
      ['cycle', 'tags', 'title'],
    ],
    ['a new entry: every field', undefined, before, ['cycle', 'tags', 'title']],
  ] as const)('%s', (_name, a, b, expected) => {
    expect(changedFields<Record<string, unknown>>(a, b)).toEqual(expected);
  });
});

describe('merging a conflicting save', () => {
  const base = {
    title: { ja: '元の題名' },
    summary: { ja: '元の概要' },
    purpose: { ja: '元の目的' },
  };
  const mine = { ...base, summary: { ja: '私の概要' } };
  const theirs = {
    ...base,
    title: { ja: '相手の題名' },
    summary: { ja: '相手の概要' },
  };

  it.each([
    ['I changed it (and they did too): mine', 'summary', 'mine'],
    ['only they changed it: theirs', 'title', 'theirs'],
    ['nobody changed it: not a conflict', 'purpose', undefined],
  ] as const)('%s', (_name, field, choice) => {
    expect(defaultMergeChoices(base, mine, theirs)[field]).toBe(choice);
  });

  it('keeps each chosen side and every field nobody chose', () => {
    const merged = mergeFields(mine, theirs, {
      summary: 'mine',
      title: 'theirs',
    });
    expect(merged).toEqual({
      title: { ja: '相手の題名' },
      summary: { ja: '私の概要' },
      purpose: { ja: '元の目的' },
    });
    // Neither input is changed.
    expect(mine.title).toEqual({ ja: '元の題名' });
  });
});

describe('entrySearchText', () => {
  const entry = exampleEntry();

  it.each([
    ['the permalink', 'shutsuno-heisa'],
    ['the Japanese title', '出納閉鎖'],
    ['the English title, in lower case', 'books close'],
    ['the summary', '5月31日に締め切ります。'],
    ['the English purpose, in lower case', 'to fix the figures.'],
    ['the law', '地方自治法'],
    ['the article', '第235条の5'],
    ['a tag', '出納整理期間'],
  ])('holds %s', (_name, text) => {
    expect(entrySearchText(entry).split('\n')).toContain(text);
  });

  it.each([
    ['what happens', '会計課が締め切ります。'],
    ['the owner', 'group:default/kaikei-ka'],
  ])('leaves out %s', (_name, text) => {
    expect(entrySearchText(entry)).not.toContain(text);
  });
});
