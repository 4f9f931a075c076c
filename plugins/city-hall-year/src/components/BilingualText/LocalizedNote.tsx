import Typography, { type TypographyProps } from '@mui/material/Typography';
import { inLanguage, useGuideLanguage } from '../../hooks/useGuideLanguage';

/**
 * A short plain note of the content (what a participant does, a first-year
 * milestone) in the reader's language, the Japanese where there is no English, with
 * its language marked for screen readers.
 */
export function LocalizedNote(props: {
  note?: { ja: string; en?: string };
  color?: TypographyProps['color'];
  testId?: string;
}) {
  const language = useGuideLanguage();
  if (!props.note) return null;
  const shown = inLanguage(props.note, language);
  return (
    <Typography
      variant="body2"
      color={props.color ?? 'text.secondary'}
      lang={shown.lang}
      data-testid={props.testId}
    >
      {shown.text}
    </Typography>
  );
}
