import { fakeYear } from './__testUtils__/fakeYear';
import { layOutYear } from './yearLayout';

describe('layOutYear', () => {
  const { occurrences } = fakeYear(2026);
  const [transfers] = occurrences;

  it('gives the cycles with occurrences, in the order of the cycles, and twelve months', () => {
    const layout = layOutYear(2026, occurrences, '2026-12-01');
    expect(layout.cycles.map(c => c.cycle)).toEqual([
      'council',
      'settlement',
      'personnel',
    ]);
    expect(layout.months).toHaveLength(12);
  });

  // The fake year's transfers take 1 April; the other occurrence runs after or with them.
  it.each([
    {
      when: 'one after the other',
      start: '2026-05-31',
      end: '2026-06-30',
      lanes: [0, 0],
      laneCount: 1,
    },
    {
      when: 'at the same time',
      start: '2026-04-01',
      end: '2026-05-01',
      lanes: [0, 1],
      laneCount: 2,
    },
  ])(
    'puts occurrences of a cycle $when on lanes $lanes',
    ({ start, end, lanes, laneCount }) => {
      const other = { ...transfers, slug: 'other', start, end };
      const [personnel] = layOutYear(
        2026,
        [transfers, other],
        '2026-12-01',
      ).cycles;
      expect(personnel.placed.map(p => p.lane)).toEqual(lanes);
      expect(personnel.laneCount).toBe(laneCount);
      expect(personnel.placed[0]).toMatchObject({
        occurrence: transfers,
        span: { start: 0 },
      });
    },
  );

  it.each([
    ['2026-04-01', 0],
    ['2027-04-01', undefined],
  ])('places today (%s) at %s', (today, position) => {
    expect(layOutYear(2026, occurrences, today).today).toBe(position);
  });
});
