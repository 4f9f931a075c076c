import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  occurrenceLabel,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { monthName, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { useOwnerNames } from '../../hooks/useOwnerNames';
import { useStepName } from '../../hooks/useStepNames';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import {
  layOutTimeline,
  layOutYear,
  TIMELINE_FONT_PX,
  type TimelineItem,
} from '../../yearLayout';
import { CYCLE_STYLES } from '../CycleChip';

const BAR_HEIGHT = 26;
const LABEL_WIDTH = 112;
/** The narrowest the timeline is drawn; narrower screens scroll it sideways. */
const MIN_WIDTH = 960;
/**
 * The year's width on paper, in CSS pixels: an A3 landscape sheet inside 8 mm margins
 * (404 mm), or A4 at the print view's 70 % (281 mm / 0.7), less the cycles' column.
 * Paper is laid out for it, not for the screen the print was started from.
 */
const PRINT_YEAR_WIDTH = 1380;
const percent = (v: number) => `${(v * 100).toFixed(3)}%`;

/** The width an element is drawn at, followed as it changes; `fallback` until known. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry.contentRect.width);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width: Math.max(width, fallback) };
}

/**
 * Twelve months April → March as columns, one swimlane per cycle, each occurrence a
 * bar spanning its dates (a one-day step a marker) with its whole title readable
 * beside it when the bar is too short; thirds of a month (上旬・中旬・下旬) are marked,
 * and today, which is scrolled into view on a narrow screen. A legend says what the
 * line styles mean.
 */
export function Timeline(props: {
  fiscalYear: number;
  occurrences: YearOccurrence[];
  today: string;
  /** Fits the width of the sheet instead of scrolling, for the print view. */
  printable?: boolean;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const theme = useTheme();
  const entryLink = useRouteRef(entryRouteRef);
  const ownerNames = useOwnerNames(props.occurrences.map(o => o.owner));
  const stepName = useStepName(ownerNames);
  const { months, today } = layOutYear(
    props.fiscalYear,
    props.occurrences,
    props.today,
  );
  const measured = useWidth(MIN_WIDTH - LABEL_WIDTH);
  const yearArea = measured.ref;
  const width = props.printable ? PRINT_YEAR_WIDTH : measured.width;
  const lanes = layOutTimeline(
    props.fiscalYear,
    props.occurrences,
    width,
    o => (language === 'en' && o.title.en) || o.title.ja,
  );
  const scroller = useRef<HTMLDivElement>(null);
  // Open at today's month on a screen too narrow for the whole year (phones).
  useEffect(() => {
    const element = scroller.current;
    if (!element || props.printable || today === undefined) return;
    if (element.scrollWidth <= element.clientWidth) return;
    // Today a quarter of the way into what the cycles' column leaves visible.
    const x = today * (element.scrollWidth - LABEL_WIDTH);
    element.scrollLeft = Math.max(
      0,
      x - (element.clientWidth - LABEL_WIDTH) / 4,
    );
  }, [today, props.printable]);

  const grid = (
    <>
      {months.map(m => (
        <Box key={m.month}>
          <Box
            sx={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              left: percent(m.start),
              borderLeft: 1,
              borderColor: 'divider',
            }}
          />
          {[1, 2].map(third => (
            <Box
              key={third}
              sx={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: percent(m.start + ((m.end - m.start) * third) / 3),
                borderLeft: '1px dashed',
                borderColor: alpha(theme.palette.text.primary, 0.08),
              }}
            />
          ))}
        </Box>
      ))}
      {today !== undefined && (
        <Box
          data-testid="timeline-today"
          sx={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: percent(today),
            borderLeft: 2,
            borderColor: 'error.main',
            zIndex: 2,
          }}
        />
      )}
    </>
  );

  return (
    <Box
      role="figure"
      aria-label={t('timeline.title')}
      data-testid="timeline"
      ref={scroller}
      sx={{ overflowX: props.printable ? 'visible' : 'auto' }}
    >
      <Box
        sx={{
          minWidth: props.printable
            ? PRINT_YEAR_WIDTH + LABEL_WIDTH
            : MIN_WIDTH,
        }}
      >
        <Box
          sx={{
            display: 'flex',
            pl: `${LABEL_WIDTH}px`,
            position: 'relative',
            height: 24,
          }}
        >
          <Box sx={{ position: 'relative', flex: 1 }} ref={yearArea}>
            {months.map(m => (
              <Typography
                key={m.month}
                variant="caption"
                sx={{
                  position: 'absolute',
                  left: percent(m.start),
                  width: percent(m.end - m.start),
                  textAlign: 'center',
                  fontWeight: 600,
                }}
              >
                {monthName(m.month, language)}
              </Typography>
            ))}
            {today !== undefined && (
              <Typography
                variant="caption"
                color="error"
                sx={{
                  position: 'absolute',
                  left: percent(today),
                  top: -4,
                  transform: 'translateX(-50%)',
                }}
              >
                ▼
              </Typography>
            )}
          </Box>
        </Box>
        {lanes.map(({ cycle, items, laneCount }) => {
          const { color, Icon } = CYCLE_STYLES[cycle];
          return (
            <Box
              key={cycle}
              sx={{ display: 'flex', borderTop: 1, borderColor: 'divider' }}
              data-testid={`timeline-lane-${cycle}`}
            >
              <Box
                sx={{
                  width: LABEL_WIDTH,
                  flexShrink: 0,
                  display: 'flex',
                  alignItems: 'center',
                  gap: 0.5,
                  px: 1,
                  color,
                  // The cycle stays in sight while a phone scrolls the year.
                  position: props.printable ? undefined : 'sticky',
                  left: 0,
                  zIndex: 3,
                  bgcolor: 'background.paper',
                }}
              >
                <Icon fontSize="small" />
                <Typography
                  variant="body2"
                  sx={{ color: 'text.primary', fontWeight: 600 }}
                >
                  {t(`cycles.${cycle}`)}
                </Typography>
              </Box>
              <Box
                role="list"
                aria-label={t(`cycles.${cycle}`)}
                sx={{
                  position: 'relative',
                  flex: 1,
                  height: laneCount * (BAR_HEIGHT + 4) + 6,
                  '& .fill': {
                    position: 'absolute',
                    height: BAR_HEIGHT,
                    borderRadius: 1,
                    bgcolor: alpha(
                      color,
                      theme.palette.mode === 'dark' ? 0.35 : 0.18,
                    ),
                    borderLeft: `3px solid ${color}`,
                    boxSizing: 'border-box',
                    pointerEvents: 'none',
                  },
                  // Known only to a part of a month: a dashed outline says so.
                  '& .fill-part': {
                    border: `1px dashed ${color}`,
                    borderLeft: `3px solid ${color}`,
                  },
                  '& .marker': {
                    position: 'absolute',
                    width: 10,
                    height: 10,
                    mt: '8px',
                    ml: '-5px',
                    transform: 'rotate(45deg)',
                    bgcolor: color,
                    pointerEvents: 'none',
                  },
                  '& .bar': {
                    position: 'absolute',
                    zIndex: 1,
                    height: BAR_HEIGHT,
                    display: 'flex',
                    alignItems: 'center',
                    whiteSpace: 'nowrap',
                    textDecoration: 'none',
                    color: 'text.primary',
                    fontSize: TIMELINE_FONT_PX,
                    lineHeight: 1,
                    borderRadius: 1,
                    boxSizing: 'border-box',
                  },
                  '& .bar:hover, & .bar:focus-visible': {
                    bgcolor: alpha(color, 0.3),
                    outline: `2px solid ${color}`,
                  },
                }}
              >
                {grid}
                {items.map(item => {
                  const { occurrence: o, span, box, lane, marker } = item;
                  const top = 4 + lane * (BAR_HEIGHT + 4);
                  const key = `${o.slug}-${o.start}`;
                  const when = occurrenceLabel(o, language);
                  return [
                    // What the step spans, drawn beneath its link: a bar, or a marker
                    // for a single day.
                    <span
                      key={`${key}-fill`}
                      aria-hidden
                      className={
                        marker
                          ? 'marker'
                          : `fill${o.precision === 'day' ? '' : ' fill-part'}`
                      }
                      style={{
                        // A marker on 1 April or 31 March stays whole on the year.
                        left: marker
                          ? `clamp(5px, ${percent(
                              (span.start + span.end) / 2,
                            )}, calc(100% - 5px))`
                          : percent(span.start),
                        top,
                        width: marker
                          ? undefined
                          : `max(${percent(span.end - span.start)}, 4px)`,
                      }}
                    />,
                    // Plain links with inline geometry: a year holds a thousand bars,
                    // and a styled component (or a tooltip) per bar would make the page
                    // slow. The link covers the bar and its whole title.
                    <span role="listitem" key={key}>
                      <RouterLink
                        to={entryLink({ slug: o.slug })}
                        aria-label={stepName(o)}
                        className="bar"
                        data-testid={`timeline-bar-${o.slug}`}
                        data-shape={shapeOf(item)}
                        data-label-outside={item.labelOutside || undefined}
                        title={`${item.label} — ${when}`}
                        style={{
                          left: percent(box.start),
                          width: percent(box.end - box.start),
                          top,
                          justifyContent:
                            box.start < span.start ? 'flex-end' : undefined,
                          paddingLeft: marker ? 12 : 6,
                          paddingRight: 4,
                        }}
                      >
                        <span className="bar-label">{item.label}</span>
                      </RouterLink>
                    </span>,
                  ];
                })}
              </Box>
            </Box>
          );
        })}
      </Box>
      <TimelineLegend />
    </Box>
  );
}

/** A step's shape, as the legend names it. */
function shapeOf(item: TimelineItem): 'day' | 'exact' | 'part' {
  if (item.marker) return 'day';
  return item.occurrence.precision === 'day' ? 'exact' : 'part';
}

/** What the timeline's shapes mean: exact dates, parts of months, one day, today. */
function TimelineLegend() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const swatch = {
    display: 'inline-block',
    width: 28,
    height: 12,
    borderRadius: 0.5,
    bgcolor: 'action.selected',
    borderLeft: '3px solid',
    borderColor: 'text.secondary',
    boxSizing: 'border-box',
  } as const;
  const items: Array<[key: string, shape: object, text: string]> = [
    ['exact', swatch, t('timeline.legend.exact')],
    [
      'part',
      { ...swatch, border: '1px dashed', borderLeft: '3px solid' },
      t('timeline.legend.part'),
    ],
    [
      'day',
      {
        display: 'inline-block',
        width: 9,
        height: 9,
        mx: '9px',
        transform: 'rotate(45deg)',
        bgcolor: 'text.secondary',
      },
      t('timeline.legend.day'),
    ],
    [
      'today',
      {
        display: 'inline-block',
        width: 0,
        height: 14,
        mx: '13px',
        borderLeft: 2,
        borderColor: 'error.main',
      },
      t('timeline.legend.today'),
    ],
  ];
  return (
    <Box
      component="ul"
      data-testid="timeline-legend"
      aria-label={t('timeline.legend.title')}
      sx={{
        position: 'sticky',
        left: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: 2,
        listStyle: 'none',
        m: 0,
        mt: 1,
        p: 0,
        pl: { xs: 0, md: `${LABEL_WIDTH}px` },
      }}
    >
      {items.map(([key, shape, text]) => (
        <Box
          component="li"
          key={key}
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}
        >
          <Box component="span" aria-hidden sx={shape} />
          <Typography variant="caption">{text}</Typography>
        </Box>
      ))}
    </Box>
  );
}
