import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  CONCERNS_FISCAL_YEAR,
  CYCLES,
  PROPOSAL_LIMITS,
  type Entry,
  type EntryInput,
  type Timing,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';
import { EntryPicker } from '../EntryPicker';
import { GroupPicker } from '../GroupPicker';
import { READABLE_WHEN_DISABLED } from '../../styles';
import { ParticipantsField } from './ParticipantsField';
import { FaqField } from './FaqField';
import { MarkdownField } from './MarkdownField';
import { MergeDialog } from './MergeDialog';
import { TimingEditor } from './TimingEditor';
import { useEntryForm } from './useEntryForm';

/**
 * A half-width field of several lines of text that the form reads into its fields as
 * it is typed (the timing, the legal basis); an error takes the place of the help.
 */
function ParsedTextField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  help?: string;
  testId?: string;
}) {
  return (
    <Grid item xs={12} md={6}>
      <TextField
        fullWidth
        multiline
        label={props.label}
        value={props.value}
        error={Boolean(props.error)}
        helperText={props.error ?? props.help}
        onChange={e => props.onChange(e.target.value)}
        inputProps={{ 'data-testid': props.testId }}
      />
    </Grid>
  );
}

/**
 * The form of an entry: its fields, checked against the shared schema as they are
 * typed, this year's dates of its timing, and the merge dialog when a save meets a
 * newer version.
 */
export function EntryForm(props: {
  entry?: Entry;
  /** The signed-in user's Groups: owners to choose from, the first one by default. */
  groups: string[];
  /** This fiscal year, to preview the dates of the timing. */
  year?: YearView;
  /**
   * Propose a change instead of saving: the same form, with the entry's slug, owner
   * and status kept and a reason for the department that reviews it.
   */
  proposal?: {
    initialFields?: EntryInput;
    initialReason?: string;
    /** The owner's name, for the reason's label. */
    ownerName: string;
    /** Sends the proposal; answers the address to go to next. */
    submit: (fields: EntryInput, reason: string) => Promise<string>;
  };
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { proposal } = props;
  const [reason, setReason] = useState(proposal?.initialReason ?? '');
  const [reasonTouched, setReasonTouched] = useState(false);
  const editor = useEntryForm({
    entry: props.entry,
    defaultOwner: props.groups[0],
    initialFields: proposal?.initialFields,
    submit: proposal
      ? fields => proposal.submit(fields, reason.trim())
      : undefined,
  });
  const reasonError =
    proposal && reasonTouched && !reason.trim()
      ? t('proposals.reasonRequired')
      : undefined;
  const { form, set, errorOf } = editor;

  const bilingualField = (
    field: 'title' | 'summary',
    ja: string,
    en: string,
  ) => (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        fullWidth
        required
        label={ja}
        value={form[field].ja}
        error={Boolean(errorOf(`${field}.ja`))}
        helperText={errorOf(`${field}.ja`)}
        onChange={e => set({ [field]: { ...form[field], ja: e.target.value } })}
        inputProps={{ lang: 'ja', 'data-testid': `editor-${field}-ja` }}
      />
      <TextField
        fullWidth
        label={en}
        value={form[field].en ?? ''}
        error={Boolean(errorOf(`${field}.en`))}
        helperText={errorOf(`${field}.en`)}
        onChange={e =>
          set({ [field]: { ...form[field], en: e.target.value || undefined } })
        }
        inputProps={{ lang: 'en' }}
      />
    </Stack>
  );

  return (
    <Stack spacing={2} component="form" onSubmit={e => e.preventDefault()}>
      <Card variant="outlined">
        <CardContent>
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <TextField
                label={t('editor.slug')}
                value={form.slug}
                disabled={Boolean(props.entry)}
                error={Boolean(errorOf('slug'))}
                helperText={errorOf('slug') ?? t('editor.slugHelp')}
                FormHelperTextProps={{ sx: READABLE_WHEN_DISABLED }}
                onChange={e => set({ slug: e.target.value })}
                inputProps={{ 'data-testid': 'editor-slug' }}
              />
              <TextField
                select
                label={t('editor.cycle')}
                value={form.cycle}
                onChange={e =>
                  set({ cycle: e.target.value as EntryInput['cycle'] })
                }
                sx={{ minWidth: 160 }}
              >
                {CYCLES.map(c => (
                  <MenuItem key={c} value={c}>
                    {t(`cycles.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={t('editor.concerns')}
                value={form.concernsFiscalYear ?? 'current'}
                onChange={e =>
                  set({
                    concernsFiscalYear: e.target
                      .value as EntryInput['concernsFiscalYear'],
                  })
                }
                sx={{ minWidth: 180 }}
              >
                {CONCERNS_FISCAL_YEAR.map(c => (
                  <MenuItem key={c} value={c}>
                    {t(`editor.concernsOptions.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
              <Box sx={{ minWidth: 280 }}>
                <GroupPicker
                  label={t('editor.owner')}
                  required
                  value={form.owner}
                  onChange={owner => set({ owner })}
                  disabled={Boolean(proposal)}
                  suggested={props.groups}
                  error={errorOf('owner')}
                  helperText={t('editor.ownerHelp')}
                  testId="editor-owner"
                />
              </Box>
            </Stack>
            {bilingualField('title', t('editor.titleJa'), t('editor.titleEn'))}
            {bilingualField(
              'summary',
              t('editor.summaryJa'),
              t('editor.summaryEn'),
            )}
          </Stack>
        </CardContent>
      </Card>

      {(['purpose', 'whatHappens', 'forNewStaff'] as const).map(field => (
        <MarkdownField
          key={field}
          label={t(`entry.${field}`)}
          value={form[field]}
          error={errorOf(`${field}.ja`) ?? errorOf(`${field}.en`)}
          onChange={value => set({ [field]: value })}
          testId={`editor-${field}`}
        />
      ))}

      <TimingEditor
        value={form.timing as Timing}
        onChange={timing => set({ timing })}
        errorOf={errorOf}
        slug={form.slug}
        year={props.year}
        onNotationError={editor.setTimingError}
      />

      <Card variant="outlined">
        <CardContent>
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <TextField
                type="number"
                label={t('fields.reminderDaysBefore')}
                value={form.reminderDaysBefore ?? ''}
                error={Boolean(errorOf('reminderDaysBefore'))}
                helperText={
                  errorOf('reminderDaysBefore') ?? t('editor.reminderHelp')
                }
                onChange={e =>
                  set({
                    reminderDaysBefore:
                      e.target.value === ''
                        ? undefined
                        : Number(e.target.value),
                  })
                }
                inputProps={{
                  min: 0,
                  max: 180,
                  'data-testid': 'editor-reminder-days',
                }}
              />
            </Grid>
            <ParsedTextField
              label={t('editor.legalBasis')}
              value={editor.legalText}
              onChange={editor.setLegalText}
            />
            {(['dependsOn', 'feedsInto'] as const).map(field => (
              <Grid item xs={12} md={6} key={field}>
                <EntryPicker
                  label={t(`editor.${field}`)}
                  value={form[field] ?? []}
                  onChange={slugs => set({ [field]: slugs })}
                  exclude={form.slug}
                  error={errorOf(field)}
                  testId={`editor-${field}`}
                />
              </Grid>
            ))}
            <Grid item xs={12} md={6}>
              <GroupPicker
                multiple
                label={t('editor.relatedGroups')}
                value={form.relatedGroups ?? []}
                onChange={relatedGroups => set({ relatedGroups })}
                error={errorOf('relatedGroups')}
                testId="editor-related-groups"
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <Autocomplete
                multiple
                freeSolo
                options={[]}
                // Tags are Japanese words of the content, in any mode.
                ChipProps={{ lang: 'ja' }}
                value={form.tags ?? []}
                onChange={(_e, value) => set({ tags: value })}
                renderInput={params => (
                  <TextField {...params} label={t('editor.tags')} />
                )}
              />
            </Grid>
            <Grid item xs={12}>
              <ParticipantsField
                value={form.participants ?? []}
                onChange={participants => set({ participants })}
                errorOf={errorOf}
              />
            </Grid>
            <Grid item xs={12}>
              <FaqField
                value={form.faq ?? []}
                onChange={faq => set({ faq })}
                errorOf={errorOf}
              />
            </Grid>
          </Grid>
        </CardContent>
      </Card>

      {proposal && (
        <Card variant="outlined">
          <CardContent>
            <TextField
              fullWidth
              multiline
              minRows={3}
              required
              label={t('proposals.reason', { owner: proposal.ownerName })}
              value={reason}
              error={Boolean(reasonError)}
              helperText={reasonError ?? t('proposals.reasonHelp')}
              onChange={e => setReason(e.target.value)}
              onBlur={() => setReasonTouched(true)}
              inputProps={{
                lang: 'ja',
                maxLength: PROPOSAL_LIMITS.reasonLength,
                'data-testid': 'proposal-reason',
              }}
            />
          </CardContent>
        </Card>
      )}
      {proposal && (
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          <Button
            variant="contained"
            disabled={editor.saving}
            onClick={() => {
              setReasonTouched(true);
              if (!reason.trim()) return;
              editor.save(form.status);
            }}
            data-testid="proposal-send"
          >
            {t('proposals.send')}
          </Button>
        </Stack>
      )}
      {!proposal && (
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          <Button
            variant="outlined"
            disabled={editor.saving}
            onClick={() => editor.save('draft')}
          >
            {t('editor.saveDraft')}
          </Button>
          <Button
            variant="contained"
            disabled={editor.saving}
            onClick={() => editor.save('published')}
            data-testid="editor-publish"
          >
            {t('editor.publish')}
          </Button>
        </Stack>
      )}

      {editor.conflict && editor.mergeDefaults && (
        <MergeDialog
          mine={editor.conflict.mine}
          theirs={editor.conflict.theirs}
          initial={editor.mergeDefaults}
          onCancel={editor.cancelMerge}
          onMerge={editor.saveMerged}
        />
      )}
    </Stack>
  );
}
