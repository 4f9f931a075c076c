import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  CYCLES,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import type {
  Entry,
  YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef, type CityHallYearApi } from '../../api';
import { GuideMarkdown } from '../GuideMarkdown';
import { useSearchParams } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { useToday } from '../../hooks/useToday';
import { useYear } from '../../hooks/useYear';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';
import { Timeline } from '../Timeline';
import { useFiscalYearLabel, useLocalize } from '../../hooks/useGuideLanguage';

/** The entries of the year that have a FAQ, in the order their steps first come. */
async function entriesWithFaq(
  api: CityHallYearApi,
  year: YearView,
): Promise<Entry[]> {
  const order = new Map<string, number>();
  [...year.occurrences, ...year.asNeeded].forEach((o, i) => {
    if (!order.has(o.slug)) order.set(o.slug, i);
  });
  const entries: Entry[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.listEntries({ offset, limit: 200 });
    entries.push(...page.items);
    if (offset + 200 >= page.totalCount) break;
  }
  return entries
    .filter(e => e.faq.length > 0 && order.has(e.slug))
    .sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
}

const SIZES = { a3: 'A3 landscape', a4: 'A4 landscape' } as const;

/**
 * Each sheet: the zoom that fits the A3 layout's width, the printable height inside
 * the 8 mm margins in CSS pixels (96 per inch), and how many sheets the year may take.
 */
const SHEETS = {
  a3: { zoom: 1, height: ((297 - 16) / 25.4) * 96, sheets: 1 },
  a4: { zoom: 0.7, height: ((210 - 16) / 25.4) * 96, sheets: 2 },
} as const;

/**
 * The zoom of the printed year: the sheet's own, or less when the year (measured on
 * screen, at the print layout's fixed width) is taller than its sheets, so that a
 * year with more steps still prints on one A3 sheet.
 */
export function printZoom(size: keyof typeof SHEETS, height?: number): number {
  const sheet = SHEETS[size];
  if (!height) return sheet.zoom;
  // A little room for rounding between screen pixels and points.
  const fit = (sheet.height * sheet.sheets * 0.97) / height;
  return Math.min(sheet.zoom, Math.floor(fit * 100) / 100);
}
const PRINT_ROOT = 'city-hall-year-print';

/**
 * The whole year on one sheet for training handouts: the timeline and a legend, sized
 * for A3 (or A4) landscape by print CSS, and with `faq=1` the entries' FAQ on the
 * sheets after it. The app's navigation is hidden on paper.
 */
export function PrintPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const fiscalYearLabel = useFiscalYearLabel();
  const [params] = useSearchParams();
  const today = useToday();
  const requested = Number(params.get('fy'));
  const fiscalYear =
    Number.isInteger(requested) && requested >= 1989
      ? requested
      : resolveFiscalYear(today);
  const size = params.get('size') === 'a4' ? 'a4' : 'a3';
  // The year stays one sheet; its FAQ follows on sheets of its own when asked for.
  const withFaq = params.get('faq') === '1';
  const { value: year, loading, error } = useYear(fiscalYear);
  const rootLink = useRouteRef(rootRouteRef);
  const cycles = CYCLES.filter(c => year?.occurrences.some(o => o.cycle === c));
  const api = useApi(cityHallYearApiRef);
  const { value: faq } = useAsync(
    async () => (year && withFaq ? entriesWithFaq(api, year) : []),
    [api, year, withFaq],
  );
  // The year's height on screen, where it has the print layout's fixed width.
  const yearRef = useRef<HTMLDivElement>(null);
  const [yearHeight, setYearHeight] = useState<number>();
  useLayoutEffect(() => {
    setYearHeight(yearRef.current?.scrollHeight || undefined);
  }, [year, size]);
  const zoom = printZoom(size, yearHeight);
  const faqToggle = new URLSearchParams(params);
  if (withFaq) faqToggle.delete('faq');
  else faqToggle.set('faq', '1');

  // Rendered straight into <body>, so that print CSS can leave out the whole app around it.
  return createPortal(
    <Box
      id={PRINT_ROOT}
      data-testid="print-page"
      sx={{
        // On screen, a full-window preview above the app; on paper, the only thing printed.
        position: 'fixed',
        inset: 0,
        zIndex: 1300,
        overflow: 'auto',
        p: 2,
        bgcolor: 'background.paper',
        color: 'text.primary',
      }}
    >
      <GlobalStyles
        styles={{
          '@page': { size: SIZES[size], margin: '8mm' },
          '@media print': {
            [`body > :not(#${PRINT_ROOT})`]: { display: 'none !important' },
            [`#${PRINT_ROOT}`]: {
              position: 'static !important',
              overflow: 'visible !important',
              padding: '0 !important',
              // The A3 layout, shrunk to the narrower A4 sheet, and to fit the year.
              zoom,
            },
            body: {
              printColorAdjust: 'exact',
              WebkitPrintColorAdjust: 'exact',
            },
          },
        }}
      />
      <Box sx={{ '@media print': { display: 'none' }, mb: 1 }}>
        <Stack direction="row" spacing={2}>
          <Link href={`${rootLink()}?fy=${fiscalYear}`}>{t('entry.back')}</Link>
          <Link href={`?${faqToggle}`} data-testid="print-faq-toggle">
            {t(withFaq ? 'print.withoutFaq' : 'print.withFaq')}
          </Link>
        </Stack>
      </Box>
      <Box ref={yearRef} data-zoom={zoom} data-testid="print-year">
        <Stack
          direction="row"
          justifyContent="space-between"
          alignItems="baseline"
          sx={{ mb: 1 }}
        >
          <Typography variant="h5" component="h1">
            {t('page.title')} — {fiscalYearLabel(fiscalYear)}
          </Typography>
          <Stack direction="row" spacing={1} aria-label={t('filters.cycles')}>
            {cycles.map(cycle => (
              <CycleChip key={cycle} cycle={cycle} />
            ))}
          </Stack>
        </Stack>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {year && (
          <Timeline
            fiscalYear={fiscalYear}
            occurrences={year.occurrences}
            today={today}
            printable
          />
        )}
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ mt: 1, display: 'block' }}
        >
          {t('print.footer', { date: today })}
        </Typography>
      </Box>
      {faq && faq.length > 0 && (
        // Paper has no page to open: the FAQ follows the year on its own sheets.
        <Box
          component="section"
          aria-labelledby="print-faq-title"
          data-testid="print-faq"
          sx={{
            mt: 3,
            breakBefore: 'page',
            columnCount: { md: 2 },
            columnGap: 4,
          }}
        >
          <Typography variant="h6" component="h2" id="print-faq-title">
            {t('faq.title')}
          </Typography>
          {faq.map(entry => (
            <Box key={entry.id} sx={{ breakInside: 'avoid-column', mb: 2 }}>
              <Typography
                variant="subtitle1"
                component="h3"
                sx={{ fontWeight: 'bold' }}
              >
                {localize(entry.title)}
              </Typography>
              {entry.faq.map(item => (
                <Box key={item.id} sx={{ mb: 1 }}>
                  <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
                    {`Q. ${item.question}`}
                  </Typography>
                  <GuideMarkdown content={item.answer} />
                </Box>
              ))}
            </Box>
          ))}
        </Box>
      )}
    </Box>,
    document.body,
  );
}
