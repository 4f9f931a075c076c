import {
  CYCLES,
  monthSpans,
  packLanes,
  todayPosition,
  yearSpan,
  type Cycle,
  type YearOccurrence,
  type YearSpan,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

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

/** The font size of the timeline's labels, in pixels. */
export const TIMELINE_FONT_PX = 12;
/** Room around a label: the bar's edge and padding, or the marker before it. */
const LABEL_PADDING_PX = 12;
const MARKER_PX = 14;
/** Space kept free between two steps on a lane. */
const GAP_PX = 4;

/**
 * About how wide a label is drawn, in pixels: a Japanese character (or any full-width
 * one) takes the font size, a Latin letter a little over half of it. Overestimating
 * a little costs a lane now and then; underestimating would cut a title.
 */
export function labelWidthPx(text: string, fontPx = TIMELINE_FONT_PX): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 ? fontPx : fontPx * 0.62;
  }
  return Math.ceil(width);
}

/** A step placed on the timeline: its dates, and the room its label takes. */
export interface TimelineItem extends PlacedOccurrence {
  /** The label shown: the title in the reader's language. */
  label: string;
  /** A one-day step, drawn as a marker with its label beside it. */
  marker: boolean;
  /** Where the link and its label go, as fractions of the year: at least the dates. */
  box: YearSpan;
  /** The label does not fit inside the bar and runs on after it. */
  labelOutside: boolean;
}

/** A cycle's swimlane of the timeline, every label readable and no two steps overlapping. */
export interface TimelineLane {
  cycle: Cycle;
  items: TimelineItem[];
  laneCount: number;
}

/**
 * Lays out the timeline so that every step can be read and clicked: a step shorter
 * than its title keeps its true extent as a bar (a one-day step as a marker), and its
 * title runs on beside it; steps whose bars or labels would touch go on separate lanes.
 * Near the end of March a label that would run off the year ends at the edge instead.
 *
 * @param widthPx - the width of the year's area, in pixels, as drawn
 * @param titleOf - the label of an occurrence in the reader's language
 */
export function layOutTimeline(
  fiscalYear: number,
  occurrences: YearOccurrence[],
  widthPx: number,
  titleOf: (o: YearOccurrence) => string,
): TimelineLane[] {
  return CYCLES.flatMap(cycle => {
    const ofCycle = occurrences.filter(o => o.cycle === cycle);
    if (!ofCycle.length) return [];
    const items = ofCycle.map(occurrence => {
      const span = yearSpan(occurrence, fiscalYear);
      const label = titleOf(occurrence);
      const marker =
        occurrence.precision === 'day' && occurrence.start === occurrence.end;
      const need =
        (labelWidthPx(label) + (marker ? MARKER_PX : LABEL_PADDING_PX)) /
        widthPx;
      const labelOutside = span.end - span.start < need;
      const width = Math.min(1, Math.max(span.end - span.start, need));
      const start = Math.max(0, Math.min(span.start, 1 - width));
      return {
        occurrence,
        span,
        label,
        marker,
        box: { start, end: start + width },
        labelOutside,
        lane: 0,
      };
    });
    const gap = GAP_PX / widthPx;
    const lanes = packLanes(
      items.map(i => ({ start: i.box.start, end: i.box.end + gap })),
    );
    items.forEach((item, i) => {
      item.lane = lanes[i];
    });
    return [
      {
        cycle,
        items,
        laneCount: Math.max(1, ...lanes.map(lane => lane + 1)),
      },
    ];
  });
}
