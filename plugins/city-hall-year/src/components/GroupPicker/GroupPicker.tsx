import { useApiHolder } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { entityDisplayName, useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { READABLE_WHEN_DISABLED } from '../../styles';

/** Departments offered per search: enough to choose from, few enough to read. */
export const GROUP_PICKER_LIMIT = 20;
const SEARCH_DELAY_MS = 250;
const NAME_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];

interface Props {
  label: string;
  /** Groups offered before anything is typed: the signed-in person's own. */
  suggested?: string[];
  error?: string;
  helperText?: string;
  testId?: string;
  required?: boolean;
  /** Shown but not changed (a proposal keeps the entry's owner). */
  disabled?: boolean;
}

/** Searches the catalog's Groups by name (会計課) or id, as the person types. */
function useGroupSearch(typed: string, suggested: string[]) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(typed.trim()), SEARCH_DELAY_MS, [typed]);
  const found = useAsync(async () => {
    if (!catalogApi || !query) return [];
    const { items } = await catalogApi.queryEntities({
      filter: { kind: 'Group' },
      fullTextFilter: { term: query, fields: NAME_FIELDS },
      orderFields: { field: 'metadata.name', order: 'asc' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        ...NAME_FIELDS.slice(1),
      ],
      limit: GROUP_PICKER_LIMIT,
    });
    return items.map(e => ({
      ref: stringifyEntityRef(e),
      name: entityDisplayName(e),
    }));
  }, [catalogApi, query]);
  const foundNames = new Map((found.value ?? []).map(g => [g.ref, g.name]));
  const refs = query ? [...foundNames.keys()] : suggested;
  return { refs, foundNames, loading: found.loading };
}

/**
 * Picks departments (catalog Groups) by their names, searching the catalog as the
 * person types; the chosen ones and the suggestions show by name too. The value is
 * the Groups' entity refs, which only the code sees.
 */
export function GroupPicker(
  props: Props &
    (
      | { multiple: true; value: string[]; onChange: (refs: string[]) => void }
      | { multiple?: false; value: string; onChange: (ref: string) => void }
    ),
) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [typed, setTyped] = useState('');
  const chosen = props.multiple ? props.value : [props.value].filter(Boolean);
  const suggested = props.suggested ?? [];
  const search = useGroupSearch(typed, suggested);
  const names = useOwnerNames([...chosen, ...suggested]);
  const nameOf = (ref: string) =>
    names.get(ref) ?? search.foundNames.get(ref) ?? ref;
  const options = [...new Set([...chosen, ...search.refs])];

  const common = {
    options,
    getOptionLabel: nameOf,
    // The catalog has filtered already, by more than the name shows.
    filterOptions: (x: string[]) => x,
    loading: search.loading,
    disabled: props.disabled,
    loadingText: t('editor.pickerSearching'),
    noOptionsText: typed ? t('editor.groupNone') : t('editor.groupType'),
    renderInput: (params: object) => (
      <TextField
        {...params}
        label={props.label}
        required={props.required}
        error={Boolean(props.error)}
        helperText={props.error ?? props.helperText}
        // A field that cannot change still says why, readable (4.5:1), not greyed out.
        FormHelperTextProps={{ sx: READABLE_WHEN_DISABLED }}
        inputProps={{
          ...(params as { inputProps?: object }).inputProps,
          'data-testid': props.testId,
        }}
      />
    ),
  };
  if (props.multiple) {
    const onChange = props.onChange;
    return (
      <Autocomplete
        {...common}
        multiple
        filterSelectedOptions
        value={props.value}
        inputValue={typed}
        onInputChange={(_e, value, reason) => {
          // Choosing a Group clears what was typed; keep the search for the next.
          if (reason !== 'reset') setTyped(value);
        }}
        onChange={(_e, value) => onChange(value)}
      />
    );
  }
  const onChange = props.onChange;
  return (
    <Autocomplete
      {...common}
      value={props.value || null}
      onChange={(_e, value) => onChange(value ?? '')}
      // The input shows the chosen Group's name; what is typed over it searches.
      onInputChange={(_e, value, reason) =>
        setTyped(reason === 'input' ? value : '')
      }
    />
  );
}
