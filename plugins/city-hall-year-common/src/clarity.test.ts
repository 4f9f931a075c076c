import { clarityIndex, clarityInputSchema, clarityMonthEnds } from './clarity';

describe('clarityMonthEnds', () => {
  it.each([
    // In the middle of May: April has ended, May ends now.
    [
      2026,
      '2026-05-15T03:00:00Z',
      [
        { month: '2026-04', end: '2026-04-30T15:00:00.000Z' },
        { month: '2026-05', end: '2026-05-15T03:00:00.000Z' },
      ],
    ],
    // Before the fiscal year began: nothing.
    [2027, '2027-03-31T14:59:59Z', []],
    // On 1 April at 00:00 in Tokyo the first month has begun.
    [
      2026,
      '2026-03-31T15:00:00Z',
      [{ month: '2026-04', end: '2026-03-31T15:00:00.000Z' }],
    ],
  ])('for FY%p at %p', (fy, now, expected) => {
    expect(clarityMonthEnds(fy, new Date(now))).toEqual(expected);
  });

  it('gives all twelve months of a past year, March ending on 1 April in Tokyo', () => {
    const months = clarityMonthEnds(2025, new Date('2026-12-01T00:00:00Z'));
    expect(months.map(m => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(months[11].end).toBe('2026-03-31T15:00:00.000Z');
    // February of a leap year ends on 29 February.
    expect(
      clarityMonthEnds(2027, new Date('2028-12-01T00:00:00Z'))[10].end,
    ).toBe('2028-02-29T15:00:00.000Z');
  });
});

describe('clarityInputSchema', () => {
  it.each([
    [{ clear: true }, true],
    [
      { clear: false, reasons: ['terms', 'timing'], comment: '用語が多い' },
      true,
    ],
    [{ clear: true, reasons: ['terms'] }, false],
    [{ clear: false, reasons: ['terms', 'terms'] }, false],
    [{ clear: false, reasons: ['boring'] }, false],
    [{ reasons: [] }, false],
    [{ clear: false, who: 'me' }, false],
  ])('%j is valid: %p', (input, valid) => {
    expect(clarityInputSchema.safeParse(input).success).toBe(valid);
  });
});

describe('clarityIndex', () => {
  it.each([
    [{ readers: 0, unclear: 0 }, undefined],
    [{ readers: 3, unclear: 1 }, 1 / 3],
    [{ readers: 30, unclear: 30 }, 1],
  ])('of %j is %p', (counts, index) => {
    expect(clarityIndex(counts)).toBe(index);
  });
});
