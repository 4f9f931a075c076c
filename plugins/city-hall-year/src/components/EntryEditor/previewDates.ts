import {
  occurrenceLabel,
  resolveOccurrences,
  timingSchema,
  type EntryInput,
  type GuideLanguage,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * This year's dates of a timing as the editor previews them (`5月31日`, `31 May`);
 * relative dates anchor on the year's resolved occurrences. Empty while the timing
 * is invalid or the year is not loaded; a timing that cannot be resolved gives why.
 */
export function previewDates(
  timing: EntryInput['timing'],
  slug: string,
  year: YearView | undefined,
  language: GuideLanguage = 'ja',
): string {
  const parsed = timingSchema.safeParse(timing);
  if (!parsed.success || !year) return '';
  const lookup = (anchor: string) => {
    const dates = year.occurrences
      .filter(o => o.slug === anchor)
      .map(o => ({ start: o.start, end: o.end }));
    return dates.length
      ? timingSchema.parse({
          overrides: [{ fiscalYear: year.fiscalYear, dates }],
        })
      : undefined;
  };
  try {
    return resolveOccurrences(parsed.data, year.fiscalYear, { slug, lookup })
      .map(o => occurrenceLabel(o, language))
      .join(language === 'ja' ? '、' : '; ');
  } catch (error) {
    return (error as Error).message;
  }
}
