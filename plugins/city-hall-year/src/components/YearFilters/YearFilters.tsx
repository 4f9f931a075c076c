import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  CYCLES,
  type Cycle,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { cityHallYearTranslationRef } from '../../translation';
import { CYCLE_STYLES } from '../CycleChip';

/** What the year page shows: chosen cycles (none = all), one department, and a text. */
export interface YearFilterState {
  cycles: Cycle[];
  owner?: string;
  query: string;
}

/** Whether an occurrence (or a step held as needed) passes the filters. */
export function matchesFilters(
  o: Pick<YearOccurrence, 'cycle' | 'owner' | 'slug' | 'title' | 'summary'>,
  filters: YearFilterState,
): boolean {
  if (filters.cycles.length && !filters.cycles.includes(o.cycle)) return false;
  if (filters.owner && o.owner !== filters.owner) return false;
  const query = filters.query.trim().toLocaleLowerCase('ja-JP');
  if (!query) return true;
  return [o.slug, o.title.ja, o.title.en, o.summary.ja, o.summary.en]
    .filter(Boolean)
    .some(text => text!.toLocaleLowerCase('ja-JP').includes(query));
}

/** Filters of the year page: cycles, department and a search box. */
export function YearFilters(props: {
  value: YearFilterState;
  owners: string[];
  onChange: (value: YearFilterState) => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value, onChange } = props;
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      alignItems={{ md: 'center' }}
    >
      <ToggleButtonGroup
        size="small"
        value={value.cycles}
        aria-label={t('filters.cycles')}
        onChange={(_e, cycles: Cycle[]) => onChange({ ...value, cycles })}
      >
        {CYCLES.filter(c => c !== 'other').map(cycle => {
          const { color, Icon } = CYCLE_STYLES[cycle];
          return (
            <ToggleButton
              key={cycle}
              value={cycle}
              aria-label={t(`cycles.${cycle}`)}
              sx={{ gap: 0.5 }}
            >
              <Icon fontSize="small" sx={{ color }} />
              {t(`cycles.${cycle}`)}
            </ToggleButton>
          );
        })}
      </ToggleButtonGroup>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="city-hall-year-owner">{t('filters.owner')}</InputLabel>
        <Select
          labelId="city-hall-year-owner"
          label={t('filters.owner')}
          value={value.owner ?? ''}
          onChange={event =>
            onChange({ ...value, owner: event.target.value || undefined })
          }
        >
          <MenuItem value="">{t('filters.allOwners')}</MenuItem>
          {props.owners.map(owner => (
            <MenuItem key={owner} value={owner}>
              <EntityDisplayName entityRef={owner} hideIcon />
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <TextField
        size="small"
        type="search"
        label={t('filters.search')}
        value={value.query}
        onChange={event => onChange({ ...value, query: event.target.value })}
      />
    </Stack>
  );
}
