import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fiscalYearLabels,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { monthName, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { useOwnerNames } from '../../hooks/useOwnerNames';
import { useStepName } from '../../hooks/useStepNames';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { layOutYear } from '../../yearLayout';
import { CYCLE_STYLES } from '../CycleChip';

const SIZE = 640;
const CENTER = SIZE / 2;
const INNER = 70;
const OUTER = 270;

/** A point at a fraction of the year (0 = April, at the top, clockwise) and a radius. */
function point(fraction: number, radius: number): [number, number] {
  const angle = fraction * 2 * Math.PI - Math.PI / 2;
  return [CENTER + radius * Math.cos(angle), CENTER + radius * Math.sin(angle)];
}

/** An annular sector from `start` to `end` (fractions of the year) between two radii. */
function arcPath(
  start: number,
  end: number,
  inner: number,
  outer: number,
): string {
  const large = end - start > 0.5 ? 1 : 0;
  const [x1, y1] = point(start, outer);
  const [x2, y2] = point(end, outer);
  const [x3, y3] = point(end, inner);
  const [x4, y4] = point(start, inner);
  return `M ${x1} ${y1} A ${outer} ${outer} 0 ${large} 1 ${x2} ${y2} L ${x3} ${y3} A ${inner} ${inner} 0 ${large} 0 ${x4} ${y4} Z`;
}

/**
 * The fiscal year as a wheel, April at the top: one ring per cycle, numbered from the
 * centre out, each occurrence an arc of its ring, months around the edge and today as
 * a hand. The picture people put on a wall, drawn from live data.
 *
 * For the keyboard and screen readers the wheel is a list per ring: each arc is a
 * link named like every step of the guide (「出納閉鎖, 5月31日, 決算, 会計課」). The
 * wheel is one tab stop; the arrow keys move through the arcs in the year's order,
 * and the arc pointed at or focused is named under the wheel in words.
 */
export function YearWheel(props: {
  fiscalYear: number;
  occurrences: YearOccurrence[];
  today: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const theme = useTheme();
  const navigate = useNavigate();
  const entryLink = useRouteRef(entryRouteRef);
  const ownerNames = useOwnerNames(props.occurrences.map(o => o.owner));
  const stepName = useStepName(ownerNames);
  const titleId = useId();
  const legendId = useId();
  const { months, today, cycles } = layOutYear(
    props.fiscalYear,
    props.occurrences,
    props.today,
  );
  const ringWidth = (OUTER - INNER) / Math.max(1, cycles.length);
  const ink = theme.palette.text.primary;
  const labels = fiscalYearLabels(props.fiscalYear);
  // Every arc in the year's order, for the arrow keys; one of them is the tab stop.
  const order = cycles
    .flatMap(({ placed }) => placed.map(p => p.occurrence))
    .sort((a, b) => a.start.localeCompare(b.start));
  const keyOf = (o: YearOccurrence) => `${o.slug}-${o.start}`;
  const [focused, setFocused] = useState<string>();
  const [pointed, setPointed] = useState<YearOccurrence>();
  const tabStop =
    focused && order.some(o => keyOf(o) === focused)
      ? focused
      : order[0] && keyOf(order[0]);
  const arcs = useRef(new Map<string, { focus(): void }>());
  const shown =
    pointed ?? order.find(o => focused !== undefined && keyOf(o) === focused);

  const onKeyDown = (event: KeyboardEvent, o: YearOccurrence) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(entryLink({ slug: o.slug }));
      return;
    }
    const at = order.findIndex(x => keyOf(x) === keyOf(o));
    const to = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: order.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = order[Math.min(order.length - 1, Math.max(0, to))];
    if (next) arcs.current.get(keyOf(next))?.focus();
  };

  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: { xs: 'column', md: 'row' },
        justifyContent: 'center',
        alignItems: { xs: 'stretch', md: 'center' },
        gap: 2,
      }}
    >
      <Box sx={{ flex: 1, maxWidth: SIZE, mx: 'auto', width: '100%' }}>
        <Typography id={titleId} variant="subtitle2" component="h2">
          {t('wheel.title')}
        </Typography>
        <Box
          component="svg"
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          sx={{
            width: '100%',
            display: 'block',
            '& a:focus': { outline: 'none' },
            '& a:focus-visible path, & a:hover path': {
              stroke: ink,
              strokeWidth: 3,
              fillOpacity: 1,
            },
          }}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={legendId}
          data-testid="year-wheel"
        >
          {cycles.map(({ cycle, placed, laneCount }, ring) => {
            const inner = INNER + ring * ringWidth;
            const laneWidth = (ringWidth - 4) / laneCount;
            const { color } = CYCLE_STYLES[cycle];
            const [nx, ny] = point(0.985, inner + ringWidth / 2);
            return (
              <g
                key={cycle}
                role="list"
                aria-label={t('wheel.ring', {
                  cycle: t(`cycles.${cycle}`),
                  ring: String(ring + 1),
                })}
                data-testid={`wheel-ring-${cycle}`}
              >
                <circle
                  cx={CENTER}
                  cy={CENTER}
                  r={inner + ringWidth / 2}
                  fill="none"
                  stroke={color}
                  strokeOpacity={0.12}
                  strokeWidth={ringWidth - 2}
                  pointerEvents="none"
                  aria-hidden
                />
                {/* The ring's number, as in the legend: colour is never the only cue. */}
                <text
                  x={nx}
                  y={ny}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fontSize={13}
                  fontWeight={700}
                  fill={ink}
                  aria-hidden
                >
                  {ring + 1}
                </text>
                {placed.map(({ occurrence: o, span, lane }) => {
                  const end = Math.max(span.end, span.start + 0.004);
                  const r0 = inner + 2 + lane * laneWidth;
                  const href = entryLink({ slug: o.slug });
                  const key = keyOf(o);
                  return (
                    <g key={key} role="listitem">
                      <a
                        href={href}
                        ref={element => {
                          if (element) arcs.current.set(key, element);
                          else arcs.current.delete(key);
                        }}
                        tabIndex={key === tabStop ? 0 : -1}
                        aria-label={stepName(o)}
                        data-testid={`wheel-arc-${o.slug}`}
                        onClick={event => {
                          if (event.metaKey || event.ctrlKey || event.shiftKey)
                            return;
                          event.preventDefault();
                          navigate(href);
                        }}
                        onKeyDown={event => onKeyDown(event, o)}
                        onFocus={() => setFocused(key)}
                        onMouseEnter={() => setPointed(o)}
                        onMouseLeave={() => setPointed(undefined)}
                      >
                        <path
                          d={arcPath(span.start, end, r0, r0 + laneWidth - 1)}
                          fill={color}
                          fillOpacity={o.precision === 'day' ? 0.85 : 0.55}
                          stroke={theme.palette.background.paper}
                          strokeWidth={0.5}
                        />
                      </a>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <g aria-hidden pointerEvents="none">
            {months.map(m => {
              const [x1, y1] = point(m.start, INNER);
              const [x2, y2] = point(m.start, OUTER + 6);
              const [lx, ly] = point((m.start + m.end) / 2, OUTER + 22);
              return (
                <g key={m.month}>
                  <line
                    x1={x1}
                    y1={y1}
                    x2={x2}
                    y2={y2}
                    stroke={ink}
                    strokeOpacity={0.25}
                  />
                  <text
                    x={lx}
                    y={ly}
                    textAnchor="middle"
                    dominantBaseline="middle"
                    fontSize={16}
                    fontWeight={600}
                    fill={ink}
                  >
                    {monthName(m.month, language)}
                  </text>
                </g>
              );
            })}
            {today !== undefined && (
              <line
                data-testid="wheel-today"
                x1={CENTER}
                y1={CENTER}
                x2={point(today, OUTER + 8)[0]}
                y2={point(today, OUTER + 8)[1]}
                stroke={theme.palette.error.main}
                strokeWidth={2.5}
              />
            )}
            {/* Japanese readers get the era and the year; English readers the year. */}
            <text
              x={CENTER}
              y={language === 'ja' ? CENTER - 8 : CENTER + 6}
              textAnchor="middle"
              fontSize={17}
              fontWeight={700}
              fill={ink}
            >
              {labels[language]}
            </text>
            {language === 'ja' && (
              <text
                x={CENTER}
                y={CENTER + 14}
                textAnchor="middle"
                fontSize={13}
                fill={ink}
              >
                {labels.en}
              </text>
            )}
          </g>
        </Box>
        {/* The arc pointed at or focused, in words (the link itself is named too). */}
        <Typography
          variant="body2"
          aria-hidden
          data-testid="wheel-pointed"
          sx={{ minHeight: '3em', textAlign: 'center' }}
        >
          {shown ? stepName(shown) : t('wheel.hint')}
        </Typography>
      </Box>
      <Box component="section" aria-labelledby={`${legendId}-title`}>
        <Typography id={`${legendId}-title`} variant="subtitle2" component="h2">
          {t('wheel.legend')}
        </Typography>
        <Box
          component="ol"
          id={legendId}
          data-testid="wheel-legend"
          sx={{ m: 0, mt: 1, p: 0, listStyle: 'none' }}
        >
          {cycles.map(({ cycle }, ring) => {
            const { color, Icon } = CYCLE_STYLES[cycle];
            return (
              <Box
                component="li"
                key={cycle}
                sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}
              >
                <Box
                  component="span"
                  aria-hidden
                  sx={{
                    width: 24,
                    height: 24,
                    borderRadius: '50%',
                    border: `3px solid ${color}`,
                    display: 'inline-flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: 13,
                    fontWeight: 700,
                  }}
                >
                  {ring + 1}
                </Box>
                <Icon fontSize="small" style={{ color }} aria-hidden />
                <Typography variant="body2">
                  {t('wheel.ring', {
                    cycle: t(`cycles.${cycle}`),
                    ring: String(ring + 1),
                  })}
                </Typography>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
