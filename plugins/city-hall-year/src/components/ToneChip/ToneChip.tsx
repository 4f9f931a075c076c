import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ElementType } from 'react';

/** The tones a status chip takes; the words carry the status, the tone only helps. */
export type ChipTone = 'default' | 'info' | 'success' | 'warning' | 'error';

/**
 * An outlined chip whose tone is its border while its words stay in the
 * theme's text colour. The palette's warning and info colours are too light for text
 * on a light page (#ed6c02 on #f5f5f5 is 2.9:1, and AA asks 4.5:1), whatever theme
 * the app brings.
 */
export function ToneChip(
  props: Omit<ChipProps, 'color' | 'variant'> & {
    tone: ChipTone;
    /** A chip that is a link. */
    component?: ElementType;
    href?: string;
  },
) {
  const { tone, sx, ...rest } = props;
  return (
    <Chip
      {...rest}
      variant="outlined"
      color={tone}
      sx={[
        tone === 'default'
          ? {}
          : { color: 'text.primary', borderColor: `${tone}.main` },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    />
  );
}
