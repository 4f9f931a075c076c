import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fiscalYearLabels,
  occurrenceLabel,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import { useNavigate } from 'react-router-dom';
import {
  monthName,
  useGuideLanguage,
  useLocalize,
} from '../../hooks/useGuideLanguage';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { layOutYear } from '../../yearLayout';
import { CYCLE_STYLES, CycleChip } from '../CycleChip';

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
 * The fiscal year as a wheel, April at the top: one ring per cycle, each occurrence an
 * arc of its ring, months around the edge and today as a hand. The picture people put
 * on a wall, drawn from live data.
 */
export function YearWheel(props: {
  fiscalYear: number;
  occurrences: YearOccurrence[];
  today: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const theme = useTheme();
  const navigate = useNavigate();
  const entryLink = useRouteRef(entryRouteRef);
  const { months, today, cycles } = layOutYear(
    props.fiscalYear,
    props.occurrences,
    props.today,
  );
  const ringWidth = (OUTER - INNER) / Math.max(1, cycles.length);
  const ink = theme.palette.text.primary;
  const labels = fiscalYearLabels(props.fiscalYear);

  return (
    <Box
      sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center' }}
    >
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width="100%"
        style={{ maxWidth: SIZE }}
        role="img"
        aria-label={t('wheel.title')}
        data-testid="year-wheel"
      >
        {cycles.map(({ cycle, placed, laneCount }, ring) => {
          const inner = INNER + ring * ringWidth;
          const laneWidth = (ringWidth - 4) / laneCount;
          const { color } = CYCLE_STYLES[cycle];
          return (
            <g key={cycle} data-testid={`wheel-ring-${cycle}`}>
              <circle
                cx={CENTER}
                cy={CENTER}
                r={inner + ringWidth / 2}
                fill="none"
                stroke={color}
                strokeOpacity={0.12}
                strokeWidth={ringWidth - 2}
                pointerEvents="none"
              />
              {placed.map(({ occurrence: o, span, lane }) => {
                const end = Math.max(span.end, span.start + 0.004);
                const r0 = inner + 2 + lane * laneWidth;
                return (
                  <path
                    key={`${o.slug}-${o.start}`}
                    d={arcPath(span.start, end, r0, r0 + laneWidth - 1)}
                    fill={color}
                    fillOpacity={o.precision === 'day' ? 0.85 : 0.55}
                    stroke={theme.palette.background.paper}
                    strokeWidth={0.5}
                    style={{ cursor: 'pointer' }}
                    tabIndex={0}
                    role="link"
                    aria-label={`${localize(o.title)} ${occurrenceLabel(
                      o,
                      language,
                    )}`}
                    data-testid={`wheel-arc-${o.slug}`}
                    onClick={() => navigate(entryLink({ slug: o.slug }))}
                    onKeyDown={event => {
                      if (event.key === 'Enter')
                        navigate(entryLink({ slug: o.slug }));
                    }}
                  >
                    <title>{`${localize(o.title)} — ${occurrenceLabel(
                      o,
                      language,
                    )}`}</title>
                  </path>
                );
              })}
            </g>
          );
        })}
        {months.map(m => {
          const [x1, y1] = point(m.start, INNER);
          const [x2, y2] = point(m.start, OUTER + 6);
          const [lx, ly] = point((m.start + m.end) / 2, OUTER + 22);
          return (
            <g key={m.month} pointerEvents="none">
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
            pointerEvents="none"
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
      </svg>
      <Stack spacing={1} sx={{ ml: 2 }} aria-label={t('filters.cycles')}>
        {cycles.map(({ cycle }) => (
          <CycleChip key={cycle} cycle={cycle} />
        ))}
      </Stack>
    </Box>
  );
}
