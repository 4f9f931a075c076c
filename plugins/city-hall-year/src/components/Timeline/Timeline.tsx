import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  occurrenceLabel,
  type YearOccurrence,
} from '@internal/plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { Link as RouterLink } from 'react-router-dom';
import { monthName, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { layOutYear } from '../../yearLayout';
import { CYCLE_STYLES } from '../CycleChip';

const BAR_HEIGHT = 26;
const LABEL_WIDTH = 112;
const percent = (v: number) => `${(v * 100).toFixed(3)}%`;

/**
 * Twelve months April → March as columns, one swimlane per cycle, each occurrence a
 * bar spanning its dates; thirds of a month (上旬・中旬・下旬) are marked, and today.
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
  const { months, today, cycles } = layOutYear(
    props.fiscalYear,
    props.occurrences,
    props.today,
  );

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
      sx={{ overflowX: props.printable ? 'visible' : 'auto' }}
    >
      <Box sx={{ minWidth: props.printable ? 0 : 960 }}>
        <Box
          sx={{
            display: 'flex',
            pl: `${LABEL_WIDTH}px`,
            position: 'relative',
            height: 24,
          }}
        >
          <Box sx={{ position: 'relative', flex: 1 }}>
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
        {cycles.map(({ cycle, placed, laneCount }) => {
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
                sx={{
                  position: 'relative',
                  flex: 1,
                  height: laneCount * (BAR_HEIGHT + 4) + 6,
                  '& .bar': {
                    position: 'absolute',
                    zIndex: 1,
                    height: BAR_HEIGHT,
                    display: 'flex',
                    alignItems: 'center',
                    px: 0.5,
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                    textDecoration: 'none',
                    color: 'text.primary',
                    fontSize: 12,
                    borderRadius: 1,
                    bgcolor: alpha(
                      color,
                      theme.palette.mode === 'dark' ? 0.35 : 0.18,
                    ),
                    borderLeft: `3px solid ${color}`,
                    boxSizing: 'border-box',
                  },
                  // Known only to a part of a month: a dashed outline says so.
                  '& .bar-part': {
                    border: `1px dashed ${color}`,
                    borderLeft: `3px solid ${color}`,
                  },
                  '& .bar:hover, & .bar:focus-visible': {
                    bgcolor: alpha(color, 0.4),
                  },
                }}
              >
                {grid}
                {placed.map(({ occurrence: o, span, lane }) => (
                  // Plain links with inline geometry: a year holds a thousand bars, and a
                  // styled component (or a tooltip) per bar would make the page slow.
                  <RouterLink
                    key={`${o.slug}-${o.start}`}
                    to={entryLink({ slug: o.slug })}
                    className={o.precision === 'day' ? 'bar' : 'bar bar-part'}
                    data-testid={`timeline-bar-${o.slug}`}
                    title={`${o.title.ja} — ${occurrenceLabel(o, language)}${
                      o.title.en ? ` / ${o.title.en}` : ''
                    }`}
                    style={{
                      left: percent(span.start),
                      width: `max(${percent(span.end - span.start)}, 6px)`,
                      top: 4 + lane * (BAR_HEIGHT + 4),
                    }}
                  >
                    {o.title.ja}
                  </RouterLink>
                ))}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
