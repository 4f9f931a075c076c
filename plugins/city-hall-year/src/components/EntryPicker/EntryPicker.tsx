import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { cityHallYearApiRef } from '../../api';
import { useEntryTitles } from '../../hooks/useEntryTitles';
import { useGuideLanguage } from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';

/** Matches asked for per search: enough to choose from, few enough to read. */
export const ENTRY_PICKER_LIMIT = 20;
/** Quiet time after the last key press before the picker asks the backend. */
const SEARCH_DELAY_MS = 250;

/**
 * Picks entries by title, searching the backend as the person types (by name, slug,
 * summary or tag), so that every entry can be found however many there are. When more
 * entries match than are shown, it says so. The value is the entries' slugs.
 */
export function EntryPicker(props: {
  label: string;
  value: string[];
  onChange: (slugs: string[]) => void;
  /** The entry being edited, which cannot follow itself. */
  exclude?: string;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(typed.trim()), SEARCH_DELAY_MS, [typed]);
  const language = useGuideLanguage();
  const chosenTitles = useEntryTitles(props.value);
  const found = useAsync(
    () => api.listEntries({ q: query || undefined, limit: ENTRY_PICKER_LIMIT }),
    [api, query],
  );
  const foundTitles = new Map(
    (found.value?.items ?? []).map(e => [
      e.slug,
      (language === 'en' && e.title.en) || e.title.ja,
    ]),
  );
  const titleOf = (slug: string) =>
    foundTitles.get(slug) ?? chosenTitles.get(slug) ?? slug;

  // The chosen entries are options too (shown as chosen, not in the list), whatever
  // the current search finds.
  const options = [
    ...new Set([
      ...props.value,
      ...(found.value?.items ?? []).map(entry => entry.slug),
    ]),
  ].filter(slug => slug !== props.exclude);
  const more =
    found.value && found.value.totalCount > found.value.items.length
      ? t('editor.pickerMore', {
          shown: String(found.value.items.length),
          total: String(found.value.totalCount),
        })
      : undefined;

  return (
    <Autocomplete
      multiple
      options={options}
      value={props.value}
      onChange={(_e, value) => props.onChange(value)}
      inputValue={typed}
      onInputChange={(_e, value, reason) => {
        // Choosing an option clears what was typed; keep the search for the next pick.
        if (reason !== 'reset') setTyped(value);
      }}
      // The backend has filtered already, by more than the label shows.
      filterOptions={x => x}
      filterSelectedOptions
      loading={found.loading}
      loadingText={t('editor.pickerSearching')}
      noOptionsText={t('editor.pickerNone')}
      getOptionLabel={titleOf}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ?? more}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
    />
  );
}
