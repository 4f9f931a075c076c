import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFieldLabel } from '../../hooks/useFieldLabel';
import { useFieldText } from '../../hooks/useFieldText';
import { cityHallYearTranslationRef } from '../../translation';
import { TextDiff } from '../TextDiff';

/** Fields written in Japanese only: the law and the FAQ. */
const JAPANESE_ONLY = new Set(['legalBasis', 'faq']);

/** The fields of an entry state, as the diff reads them. */
export type EntryState = Record<string, unknown>;

const isBilingual = (v: unknown): v is { ja: string; en?: string } =>
  Boolean(v) && typeof v === 'object' && 'ja' in (v as object);

const languageOf = (v: unknown, lang: 'ja' | 'en'): string =>
  isBilingual(v) ? v[lang] ?? '' : '';

/**
 * Named fields of two states of an entry, each read as a person says it (the timing
 * in words, departments and entries by name), with what went struck through and
 * what came underlined; each language of a bilingual field on its own. Used by the
 * history (a revision against the one before) and by HR's view of the shipped
 * corrections (what a department wrote against what the content update brought).
 */
export function FieldsDiff(props: {
  before: EntryState | undefined;
  after: EntryState | undefined;
  fields: string[];
  testIdPrefix: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const fieldLabel = useFieldLabel();
  const { before, after, testIdPrefix } = props;
  const text = useFieldText([before, after]);
  return (
    <>
      {props.fields.map(key => (
        <Box key={key}>
          <Typography variant="overline" component="h3">
            {fieldLabel(key)}
          </Typography>
          {isBilingual(after?.[key]) || isBilingual(before?.[key]) ? (
            // Each language on its own, marked as such.
            <Stack spacing={1} data-testid={`${testIdPrefix}-${key}`}>
              {(['ja', 'en'] as const).map(lang => {
                const was = languageOf(before?.[key], lang);
                const is = languageOf(after?.[key], lang);
                if (was === is && !is) return null;
                return (
                  <Box key={lang}>
                    <Typography variant="caption" color="text.secondary">
                      {t(
                        lang === 'ja'
                          ? 'editor.markdownJa'
                          : 'editor.markdownEn',
                      )}
                    </Typography>
                    <Box lang={lang}>
                      <TextDiff before={was} after={is} />
                    </Box>
                  </Box>
                );
              })}
            </Stack>
          ) : (
            <Box lang={JAPANESE_ONLY.has(key) ? 'ja' : undefined}>
              <TextDiff
                before={text(key, before?.[key])}
                after={text(key, after?.[key])}
                testId={`${testIdPrefix}-${key}`}
              />
            </Box>
          )}
        </Box>
      ))}
    </>
  );
}
