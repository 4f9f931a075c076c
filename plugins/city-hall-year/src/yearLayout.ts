import {
  CYCLES,
  monthSpans,
  packLanes,
  todayPosition,
  yearSpan,
  type Cycle,
  type YearOccurrence,
  type YearSpan,
} from '@internal/plugin-city-hall-year-common';

/** An occurrence placed in its cycle: where it falls in the year, and on which lane. */
export interface PlacedOccurrence {
  occurrence: YearOccurrence;
  span: YearSpan;
  lane: number;
}

/** A cycle's swimlane of the timeline, or ring of the wheel. */
export interface CycleLayout {
  cycle: Cycle;
  placed: PlacedOccurrence[];
  /** Lanes the cycle needs so that no two of its occurrences overlap; at least one. */
  laneCount: number;
}

/** Where a fiscal year's months, today and occurrences go, as fractions of the year. */
export interface YearLayout {
  months: ReturnType<typeof monthSpans>;
  /** Undefined when today is in another fiscal year. */
  today?: number;
  /** The cycles that have occurrences, in the order of {@link CYCLES}. */
  cycles: CycleLayout[];
}

/**
 * Lays out a fiscal year for the timeline and the wheel, which draw the same picture
 * in two shapes: concurrent occurrences of a cycle on lanes one beside the other.
 */
export function layOutYear(
  fiscalYear: number,
  occurrences: YearOccurrence[],
  today: string,
): YearLayout {
  const cycles = CYCLES.flatMap(cycle => {
    const ofCycle = occurrences.filter(o => o.cycle === cycle);
    if (!ofCycle.length) return [];
    const spans = ofCycle.map(o => yearSpan(o, fiscalYear));
    const lanes = packLanes(spans);
    return [
      {
        cycle,
        placed: ofCycle.map((occurrence, i) => ({
          occurrence,
          span: spans[i],
          lane: lanes[i],
        })),
        laneCount: Math.max(1, ...lanes.map(lane => lane + 1)),
      },
    ];
  });
  return {
    months: monthSpans(fiscalYear),
    today: todayPosition(today, fiscalYear),
    cycles,
  };
}
