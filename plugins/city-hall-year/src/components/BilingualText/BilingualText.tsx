import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  Entry,
  GuideLanguage,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { inLanguage } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';
import { GuideMarkdown } from '../GuideMarkdown';

/**
 * A bilingual Markdown text of an entry in one language at a time: the reader's (or the
 * one they chose for the guide's content), with the other a click away for this block.
 * Where there is no English, the Japanese is shown and says so: never an empty block.
 */
export function BilingualText(props: {
  text: Entry['purpose'];
  testId?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const content = useContentLanguage();
  const [own, setOwn] = useState<GuideLanguage>();
  // A new choice for the whole page wins over this block's.
  useEffect(() => setOwn(undefined), [content.language]);
  const wanted = own ?? content.language;
  const shown = inLanguage(props.text, wanted);
  const other: GuideLanguage = shown.lang === 'ja' ? 'en' : 'ja';
  return (
    <Stack spacing={0.5} data-testid={props.testId}>
      <div lang={shown.lang}>
        <GuideMarkdown content={shown.text} />
      </div>
      <Stack direction="row" spacing={1} alignItems="center">
        {wanted === 'en' && !props.text.en && (
          <Typography
            variant="caption"
            color="text.secondary"
            data-testid="no-english"
          >
            {t('bilingual.noEnglish')}
          </Typography>
        )}
        {(other === 'ja' || props.text.en) && (
          <Button
            size="small"
            sx={{ minWidth: 0, px: 0.5, textTransform: 'none' }}
            onClick={() => setOwn(other)}
            lang={other}
            data-testid="show-other-language"
          >
            {t(other === 'en' ? 'bilingual.showEn' : 'bilingual.showJa')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

/** The page's choice of the content's language: the app's, or the other for all blocks. */
export function ContentLanguageSwitch() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const content = useContentLanguage();
  const other: GuideLanguage = content.language === 'ja' ? 'en' : 'ja';
  return (
    <Button
      size="small"
      variant="text"
      sx={{ textTransform: 'none' }}
      onClick={() => content.choose(other)}
      data-testid="content-language"
      lang={other}
    >
      {t(other === 'en' ? 'bilingual.allEn' : 'bilingual.allJa')}
    </Button>
  );
}
