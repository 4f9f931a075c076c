import { fakeYear } from './__testUtils__/fakeYear';
import { labelWidthPx, layOutTimeline, layOutYear } from './yearLayout';

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

describe('layOutTimeline', () => {
  const { occurrences } = fakeYear(2026);
  const [transfers, booksClose] = occurrences;
  const title = (o: { title: { ja: string } }) => o.title.ja;
  const settlement = (list: typeof occurrences, width = 848) =>
    layOutTimeline(2026, list, width, title).find(
      c => c.cycle === 'settlement',
    )!;

  it('estimates Japanese characters wider than Latin ones', () => {
    expect(labelWidthPx('出納閉鎖')).toBe(48);
    // Eleven Latin characters take about as much room as seven Japanese ones.
    expect(labelWidthPx('Books close')).toBe(82);
  });

  it('draws a one-day step as a marker whose link holds its whole title', () => {
    const [item] = settlement([booksClose]).items;
    expect(item).toMatchObject({ marker: true, labelOutside: true });
    expect(item.box.start).toBe(item.span.start);
    // Room for four characters and the marker, at 848 px for the year.
    expect((item.box.end - item.box.start) * 848).toBeCloseTo(48 + 14, 5);
  });

  it('puts a step that starts where a short step’s title still runs on the next lane', () => {
    // 決算の調製 from 1 June: the bar of 出納閉鎖 ends on 31 May, its title does not.
    const next = {
      ...booksClose,
      slug: 'kessan-chosei',
      title: { ja: '決算の調製' },
      precision: 'day' as const,
      start: '2026-06-01',
      end: '2026-08-31',
    };
    const lane = settlement([booksClose, next]);
    expect(lane.items.map(i => i.lane)).toEqual([0, 1]);
    expect(lane.laneCount).toBe(2);
    // On a wide enough screen both titles fit one after the other.
    const later = { ...next, start: '2026-06-20' };
    expect(
      settlement([booksClose, later], 1600).items.map(i => i.lane),
    ).toEqual([0, 0]);
  });

  it('keeps a title near the end of March inside the year', () => {
    const [item] = settlement([
      { ...booksClose, start: '2027-03-31', end: '2027-03-31' },
    ]).items;
    expect(item.box.end).toBeCloseTo(1, 10);
    expect(item.box.start).toBeLessThan(item.span.start);
  });

  it('keeps a long step a bar with its title inside', () => {
    const lanes = layOutTimeline(2026, [transfers], 848, title);
    expect(lanes[0].items[0]).toMatchObject({ marker: true });
    const [item] = settlement([
      { ...booksClose, start: '2026-06-01', end: '2026-08-31' },
    ]).items;
    expect(item).toMatchObject({ marker: false, labelOutside: false });
    expect(item.box.start).toBe(item.span.start);
    expect(item.box.end).toBeCloseTo(item.span.end, 12);
  });
});
