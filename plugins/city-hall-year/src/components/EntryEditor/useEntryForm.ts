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
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useState } from 'react';
import type { ZodIssue } from 'zod';
import { useNavigate } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useSchemaMessage } from '../../hooks/useSchemaMessage';
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

/** First problem per field path (e.g. `title.ja`), and per whole field, from the shared schema. */
export function formIssues(form: EntryInput): Map<string, ZodIssue> {
  const result = entryInputSchema.safeParse(form);
  const map = new Map<string, ZodIssue>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!map.has(path)) map.set(path, issue);
      const field = String(issue.path[0]);
      if (!map.has(field)) map.set(field, issue);
    }
  }
  return map;
}

/** {@link formIssues} as text: the schema's own messages unless told how to say them. */
export function formProblems(
  form: EntryInput,
  message: (issue: ZodIssue) => string = issue => issue.message,
): Map<string, string> {
  return new Map(
    [...formIssues(form)].map(([path, issue]) => [path, message(issue)]),
  );
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
  /** The fields to start from when not the entry's own (a proposal being revised). */
  initialFields?: EntryInput;
  /**
   * Instead of saving the entry, sends the fields elsewhere (as a change proposal) and
   * answers the address to go to next.
   */
  submit?: (fields: EntryInput) => Promise<string>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  const navigate = useNavigate();
  const entryLink = useRouteRef(entryRouteRef);
  const { entry } = options;
  let initial: EntryInput = { ...BLANK, owner: options.defaultOwner ?? '' };
  if (options.initialFields) initial = { ...options.initialFields };
  else if (entry) initial = editableFields(entry);
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
  const schemaMessage = useSchemaMessage();
  const names = useOwnerNames([form.owner].filter(Boolean));
  const ownerName = names.get(form.owner) ?? shortName(form.owner);
  const issues = formProblems(form, schemaMessage);
  // A problem shows once its field was touched, or when a save was tried: a new form
  // does not open red.
  const [touched, setTouched] = useState(new Set<string>());
  const [triedToSave, setTriedToSave] = useState(false);
  const set = (changes: Partial<EntryInput>) => {
    setForm({ ...form, ...changes });
    setTouched(known => new Set([...known, ...Object.keys(changes)]));
  };

  const save = async (fields: EntryInput, version: number) => {
    setTriedToSave(true);
    if (formIssues(fields).size > 0 || timingError) {
      toastApi.post({ title: t('editor.invalid'), status: 'danger' });
      return;
    }
    setSaving(true);
    try {
      if (options.submit) {
        navigate(await options.submit(fields));
        return;
      }
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
      if (
        entry &&
        !options.submit &&
        ResponseError.is(error) &&
        error.statusCode === 409
      ) {
        setConflict({ theirs: await api.getEntry(entry.id), mine: fields });
      } else if (ResponseError.is(error) && error.statusCode === 403) {
        // In words, with the department's name: not "403 Forbidden".
        toastApi.post({
          title: t('editor.refused', { owner: ownerName }),
          status: 'danger',
        });
      } else if (ResponseError.is(error) && error.statusCode === 400) {
        toastApi.post({
          title: t('editor.refusedInput', { reason: error.body.error.message }),
          status: 'danger',
        });
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
    errorOf: (path: string) =>
      triedToSave || touched.has(path.split('.')[0])
        ? issues.get(path)
        : undefined,
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
