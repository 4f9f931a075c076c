import { textChanges } from './textChanges';

describe('textChanges', () => {
  it('marks the characters that changed inside a Japanese phrase', () => {
    expect(textChanges('6月上旬〜7月', '6月中旬〜7月')).toEqual([
      { value: '6月', kind: 'same' },
      { value: '上', kind: 'removed' },
      { value: '中', kind: 'added' },
      { value: '旬〜7月', kind: 'same' },
    ]);
    // A number is one word: 11 becomes 12, not 1 becomes 2.
    expect(textChanges('10月〜11月', '10月〜12月')).toEqual([
      { value: '10月〜', kind: 'same' },
      { value: '11', kind: 'removed' },
      { value: '12', kind: 'added' },
      { value: '月', kind: 'same' },
    ]);
  });

  it('marks whole Japanese words in a sentence, keeping the rest', () => {
    const changes = textChanges(
      '各課の要求を財政課が取りまとめます。',
      '各課の要求を財政課が査定します。',
    );
    expect(changes.filter(c => c.kind === 'same').map(c => c.value)).toEqual([
      '各課の要求を財政課が',
      'ます。',
    ]);
    expect(changes.filter(c => c.kind !== 'same').map(c => c.kind)).toEqual([
      'removed',
      'added',
    ]);
    expect(
      changes
        .filter(c => c.kind !== 'added')
        .map(c => c.value)
        .join(''),
    ).toBe('各課の要求を財政課が取りまとめます。');
    expect(
      changes
        .filter(c => c.kind !== 'removed')
        .map(c => c.value)
        .join(''),
    ).toBe('各課の要求を財政課が査定します。');
  });

  it('marks English words', () => {
    expect(
      textChanges(
        'Requests are due in October',
        'Requests are due in November',
      ),
    ).toEqual([
      { value: 'Requests are due in ', kind: 'same' },
      { value: 'October', kind: 'removed' },
      { value: 'November', kind: 'added' },
    ]);
  });

  it('shows a new text as added and a cleared one as removed', () => {
    expect(textChanges('', '新しい')).toEqual([
      { value: '新しい', kind: 'added' },
    ]);
    expect(textChanges('古い', '')).toEqual([
      { value: '古い', kind: 'removed' },
    ]);
  });

  it('gives back each side exactly as it was written, spaces and brackets too', () => {
    const before = 'XSS10 [a](b(1)) [c](d(1))  end';
    const after = 'XSS11 [a](b(1))\n[c](e(1)) end';
    const changes = textChanges(before, after);
    const side = (drop: string) =>
      changes
        .filter(c => c.kind !== drop)
        .map(c => c.value)
        .join('');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
  });
});
