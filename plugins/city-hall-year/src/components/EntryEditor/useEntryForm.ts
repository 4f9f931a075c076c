import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  defaultMergeChoices,
  editableFields,
  entryInputSchema,
  rowToRawEntry,
  timingSchema,
  type Entry,
  type EntryInput,
} from '@internal/plugin-city-hall-year-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { entryRouteRef } from '../../routes';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { cityHallYearTranslationRef } from '../../translation';

const BLANK: EntryInput = {
  slug: '',
  cycle: 'budget',
  title: { ja: '' },
  summary: { ja: '' },
  purpose: { ja: '' },
  whatHappens: { ja: '' },
  forNewStaff: { ja: '' },
  owner: '',
  timing: { rules: [{ kind: 'months', from: { month: 4 }, to: { month: 4 } }] },
  status: 'draft',
};

/** First problem per field path (e.g. `title.ja`) from the shared schema. */
export function formProblems(form: EntryInput): Map<string, string> {
  const result = entryInputSchema.safeParse(form);
  const map = new Map<string, string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!map.has(path)) map.set(path, issue.message);
      const field = String(issue.path[0]);
      if (!map.has(field)) map.set(field, issue.message);
    }
  }
  return map;
}

/** A save that met a newer version: what I sent, and what is stored now. */
export interface EntryConflict {
  mine: EntryInput;
  theirs: Entry;
}

/**
 * The state of the entry editor: the fields, the two fields typed as text (the timing
 * notation and the legal basis, parsed as they are typed), the shared schema's
 * problems, and saving, which on a 409 fetches the newer version for the merge dialog.
 *
 * @param options.entry - the entry being edited; none for a new one
 * @param options.defaultOwner - the owner of a new entry
 */
export function useEntryForm(options: {
  entry?: Entry;
  defaultOwner?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  const navigate = useNavigate();
  const entryLink = useRouteRef(entryRouteRef);
  const { entry } = options;
  const initial: EntryInput = entry
    ? editableFields(entry)
    : { ...BLANK, owner: options.defaultOwner ?? '' };
  // The form edits a whole timing, with its defaults (no overrides, not as needed).
  initial.timing = timingSchema.parse(initial.timing);
  const [form, setForm] = useState<EntryInput>(initial);
  // What the draft started from, for the merge dialog's defaults, and its version.
  const [base, setBase] = useState({
    input: initial,
    version: entry?.version ?? 0,
  });
  // Set while the timing's notation field holds text that cannot be read.
  const [timingError, setTimingError] = useState<string>();
  const [legalText, setLegalText] = useState(
    (initial.legalBasis ?? [])
      .map(b => [b.law, b.article].filter(Boolean).join(' '))
      .join('\n'),
  );
  const [conflict, setConflict] = useState<EntryConflict>();
  const [saving, setSaving] = useState(false);
  const issues = formProblems(form);
  const set = (changes: Partial<EntryInput>) =>
    setForm({ ...form, ...changes });

  const save = async (fields: EntryInput, version: number) => {
    if (formProblems(fields).size > 0 || timingError) {
      toastApi.post({ title: t('editor.invalid'), status: 'danger' });
      return;
    }
    setSaving(true);
    try {
      const saved = entry
        ? await api.updateEntry(entry.id, fields, version)
        : await api.createEntry(fields);
      toastApi.post({
        title: t('editor.saved', { version: String(saved.version) }),
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
      navigate(entryLink({ slug: saved.slug }));
    } catch (error) {
      if (entry && ResponseError.is(error) && error.statusCode === 409) {
        setConflict({ theirs: await api.getEntry(entry.id), mine: fields });
      } else {
        errorApi.post(error as Error);
      }
    } finally {
      setSaving(false);
    }
  };

  return {
    form,
    set,
    /** The first problem of a field path, e.g. `title.ja`, or of a whole field. */
    errorOf: (path: string) => issues.get(path),
    saving,
    setTimingError,
    legalText,
    setLegalText: (text: string) => {
      setLegalText(text);
      set({
        legalBasis:
          (rowToRawEntry({ legal_basis: text }).raw
            .legalBasis as EntryInput['legalBasis']) ?? [],
      });
    },
    /** Saves the fields as a draft or published, from the version the draft started from. */
    save: (status: EntryInput['status']) =>
      save({ ...form, status }, base.version),
    conflict,
    /** Which side the merge dialog offers first, per field that differs. */
    mergeDefaults: conflict
      ? defaultMergeChoices(
          base.input,
          conflict.mine,
          editableFields(conflict.theirs),
        )
      : undefined,
    cancelMerge: () => setConflict(undefined),
    /** Saves the merged fields over the newer version, which becomes the new base. */
    saveMerged: (merged: EntryInput) => {
      if (!conflict) return;
      const theirs = conflict.theirs;
      setConflict(undefined);
      setForm(merged);
      setBase({ input: editableFields(theirs), version: theirs.version });
      save(merged, theirs.version);
    },
  };
}
