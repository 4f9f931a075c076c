import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Cycle } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Chip from '@mui/material/Chip';
import { cityHallYearTranslationRef } from '../../translation';
import { CYCLE_STYLES } from './cycleStyles';

/** The cycle of an entry: its icon, its name and its colour. */
export function CycleChip(props: { cycle: Cycle }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { color, Icon } = CYCLE_STYLES[props.cycle];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon fontSize="small" />}
      label={t(`cycles.${props.cycle}`)}
      sx={{ borderColor: color, '& .MuiChip-icon': { color } }}
    />
  );
}
