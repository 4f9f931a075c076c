import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { useMemo } from 'react';
import { cityHallYearTranslationRef } from '../../translation';
import { textChanges } from './textChanges';

/** Read by screen readers, not shown. */
const visuallyHidden = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Two versions of a text as one, what went struck through and what came underlined
 * (tinted too, but never by colour alone), in the theme's own text colour so that
 * it reads in light and dark. Screen readers hear 「削除：」 and 「追加：」 before each mark.
 */
export function TextDiff(props: {
  before: string;
  after: string;
  testId?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const changes = useMemo(
    () => textChanges(props.before, props.after),
    [props.before, props.after],
  );
  return (
    <Box
      component="p"
      data-testid={props.testId}
      // The hidden labels are placed inside the text, never past its edge, where
      // a phone would scroll sideways to reach them.
      sx={{
        whiteSpace: 'pre-wrap',
        m: 0,
        lineHeight: 1.8,
        position: 'relative',
      }}
    >
      {changes.map((change, i) => {
        if (change.kind === 'same') return <span key={i}>{change.value}</span>;
        const removed = change.kind === 'removed';
        return (
          <Box
            key={i}
            component={removed ? 'del' : 'ins'}
            data-change={change.kind}
            sx={theme => ({
              color: 'text.primary',
              textDecorationThickness: '2px',
              textDecorationColor:
                theme.palette[removed ? 'error' : 'success'].main,
              bgcolor: alpha(
                theme.palette[removed ? 'error' : 'success'].main,
                theme.palette.mode === 'dark' ? 0.3 : 0.15,
              ),
              borderRadius: 0.5,
            })}
          >
            <Box component="span" sx={visuallyHidden} data-diff-label>
              {t(removed ? 'historyPage.removed' : 'historyPage.added')}
            </Box>
            {change.value}
          </Box>
        );
      })}
    </Box>
  );
}
