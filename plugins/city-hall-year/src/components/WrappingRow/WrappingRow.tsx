import Stack, { type StackProps } from '@mui/material/Stack';
import type { ElementType } from 'react';

/**
 * A row of links, chips or buttons that wraps onto further lines on a narrow screen,
 * with the same gap between lines as between items.
 */
export function WrappingRow(
  props: Omit<StackProps, 'direction' | 'flexWrap' | 'useFlexGap'> & {
    component?: ElementType;
  },
) {
  return <Stack direction="row" flexWrap="wrap" useFlexGap {...props} />;
}
