import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { ClarityMonth } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { LineChart } from '@mui/x-charts/LineChart';
import { monthName, useGuideLanguage } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';

/** One line of the chart: whose answers, month by month. */
export interface ClaritySeries {
  label: string;
  months: ClarityMonth[];
}

/**
 * The モヤモヤ指数 month by month, as the guide's authors drew it for themselves: the
 * share of readers still unclear at the end of each month, with the counts in the
 * tooltip (a share of few readers says little on its own). One line, or several over
 * the same months (everyone and the year's new staff). Colours come from the theme,
 * and the second line is dashed, so it reads in the dark theme and in print.
 */
export function ClarityChart(props: {
  months?: ClarityMonth[];
  series?: ClaritySeries[];
  height?: number;
  label?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const lines: ClaritySeries[] = props.series ?? [
    {
      label: props.label ?? t('clarity.chartLabel'),
      months: props.months ?? [],
    },
  ];
  const months = lines[0]?.months ?? [];
  const describe = (line: ClaritySeries) =>
    line.months
      .map(m =>
        t('clarity.chartPoint', {
          // 「4月」 is written by the Japanese text; English names the month.
          month:
            language === 'ja'
              ? String(Number(m.month.slice(5)))
              : monthName(Number(m.month.slice(5)), language, 'long'),
          readers: String(m.readers),
          unclear: String(m.unclear),
        }),
      )
      .join(t('clarity.chartSeparator'));
  const description =
    lines.length === 1
      ? describe(lines[0])
      : lines
          .map(line =>
            language === 'ja'
              ? `${line.label}：${describe(line)}`
              : `${line.label}: ${describe(line)}`,
          )
          .join(language === 'ja' ? '。' : '. ');
  return (
    <figure style={{ margin: 0 }} data-testid="clarity-chart">
      <LineChart
        height={props.height ?? 220}
        xAxis={[
          {
            scaleType: 'point',
            data: months.map(m =>
              monthName(Number(m.month.slice(5)), language),
            ),
          },
        ]}
        yAxis={[{ min: 0, max: 100, valueFormatter: (v: number) => `${v}%` }]}
        series={lines.map((line, i) => ({
          id: `line-${i}`,
          data: line.months.map(m =>
            m.readers === 0 ? null : Math.round((m.unclear / m.readers) * 100),
          ),
          label: line.label,
          connectNulls: true,
          valueFormatter: (v: number | null, { dataIndex }) =>
            v === null
              ? t('clarity.noAnswersShort')
              : `${v}%${language === 'ja' ? '（' : ' ('}${t('clarity.counts', {
                  readers: String(line.months[dataIndex].readers),
                  unclear: String(line.months[dataIndex].unclear),
                })}${language === 'ja' ? '）' : ')'}`,
        }))}
        sx={{
          '& .MuiLineElement-series-line-1': { strokeDasharray: '6 4' },
        }}
        margin={{ left: 48, right: 16, top: 40, bottom: 32 }}
      />
      {/* The same figures for screen readers and for anyone who prefers text. */}
      <figcaption
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
        }}
      >
        {description}
      </figcaption>
    </figure>
  );
}
