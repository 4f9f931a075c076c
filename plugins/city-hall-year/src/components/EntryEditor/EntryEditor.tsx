import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  CONCERNS_FISCAL_YEAR,
  CYCLES,
  editableFields,
  entryInputSchema,
  formatTimingNotation,
  occurrenceLabel,
  parseTimingNotation,
  resolveFiscalYear,
  resolveOccurrences,
  rowToRawEntry,
  timingSchema,
  type Entry,
  type EntryInput,
  type YearView,
} from '@internal/plugin-city-hall-year-common';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useToday } from '../../hooks/useToday';
import { useYear } from '../../hooks/useYear';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { GuidePage } from '../GuidePage';
import { MarkdownField } from './MarkdownField';
import { defaultChoices } from './merge';
import { MergeDialog } from './MergeDialog';

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
function problems(form: EntryInput): Map<string, string> {
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

/** This year's dates of a timing; relative dates anchor on the year's resolved occurrences. */
function previewDates(
  timing: EntryInput['timing'],
  slug: string,
  year: YearView | undefined,
): string {
  const parsed = timingSchema.safeParse(timing);
  if (!parsed.success || !year) return '';
  const lookup = (anchor: string) => {
    const dates = year.occurrences
      .filter(o => o.slug === anchor)
      .map(o => ({ start: o.start, end: o.end }));
    return dates.length
      ? timingSchema.parse({
          overrides: [{ fiscalYear: year.fiscalYear, dates }],
        })
      : undefined;
  };
  try {
    return resolveOccurrences(parsed.data, year.fiscalYear, { slug, lookup })
      .map(o => occurrenceLabel(o, 'ja'))
      .join('、');
  } catch (error) {
    return (error as Error).message;
  }
}

function EntryForm(props: {
  entry?: Entry;
  groups: string[];
  slugs: string[];
  year?: YearView;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  const navigate = useNavigate();
  const entryLink = useRouteRef(entryRouteRef);
  const { entry } = props;
  const initial: EntryInput = entry
    ? editableFields(entry)
    : { ...BLANK, owner: props.groups[0] ?? '' };
  const [form, setForm] = useState<EntryInput>(initial);
  const [base, setBase] = useState({
    input: initial,
    version: entry?.version ?? 0,
  });
  const [timingText, setTimingText] = useState(
    formatTimingNotation(timingSchema.parse(initial.timing)),
  );
  const [timingError, setTimingError] = useState<string>();
  const [legalText, setLegalText] = useState(
    (initial.legalBasis ?? [])
      .map(b => [b.law, b.article].filter(Boolean).join(' '))
      .join('\n'),
  );
  const [conflict, setConflict] = useState<{
    theirs: Entry;
    mine: EntryInput;
  }>();
  const [saving, setSaving] = useState(false);
  const issues = problems(form);
  const set = (changes: Partial<EntryInput>) =>
    setForm({ ...form, ...changes });
  const errorOf = (path: string) => issues.get(path);

  const save = async (fields: EntryInput, version: number) => {
    if (problems(fields).size > 0 || timingError) {
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
                disabled={Boolean(entry)}
                error={Boolean(errorOf('slug'))}
                helperText={errorOf('slug') ?? t('editor.slugHelp')}
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
              <Autocomplete
                freeSolo
                options={props.groups}
                value={form.owner}
                onInputChange={(_e, value) => set({ owner: value })}
                sx={{ minWidth: 280 }}
                renderInput={params => (
                  <TextField
                    {...params}
                    label={t('editor.owner')}
                    error={Boolean(errorOf('owner'))}
                    helperText={errorOf('owner') ?? t('editor.ownerHelp')}
                  />
                )}
              />
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

      <Card variant="outlined">
        <CardContent>
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <TextField
                fullWidth
                multiline
                label={t('editor.timing')}
                value={timingText}
                error={Boolean(timingError ?? errorOf('timing'))}
                helperText={
                  timingError ??
                  errorOf('timing') ??
                  t('editor.timingPreview', {
                    dates: previewDates(form.timing, form.slug, props.year),
                  })
                }
                onChange={e => {
                  setTimingText(e.target.value);
                  try {
                    set({
                      timing: parseTimingNotation(
                        e.target.value,
                      ) as EntryInput['timing'],
                    });
                    setTimingError(undefined);
                  } catch (error) {
                    setTimingError((error as Error).message);
                  }
                }}
                inputProps={{ 'data-testid': 'editor-timing' }}
              />
            </Grid>
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
            <Grid item xs={12} md={6}>
              <TextField
                fullWidth
                multiline
                label={t('editor.legalBasis')}
                value={legalText}
                onChange={e => {
                  setLegalText(e.target.value);
                  set({
                    legalBasis:
                      (rowToRawEntry({ legal_basis: e.target.value }).raw
                        .legalBasis as EntryInput['legalBasis']) ?? [],
                  });
                }}
              />
            </Grid>
            {(['dependsOn', 'feedsInto'] as const).map(field => (
              <Grid item xs={12} md={6} key={field}>
                <Autocomplete
                  multiple
                  options={props.slugs.filter(s => s !== form.slug)}
                  value={form[field] ?? []}
                  onChange={(_e, value) => set({ [field]: value })}
                  renderInput={params => (
                    <TextField
                      {...params}
                      label={t(`editor.${field}`)}
                      error={Boolean(errorOf(field))}
                      helperText={errorOf(field)}
                    />
                  )}
                />
              </Grid>
            ))}
            <Grid item xs={12} md={6}>
              <Autocomplete
                multiple
                freeSolo
                options={props.groups}
                value={form.relatedGroups ?? []}
                onChange={(_e, value) => set({ relatedGroups: value })}
                renderInput={params => (
                  <TextField
                    {...params}
                    label={t('editor.relatedGroups')}
                    error={Boolean(errorOf('relatedGroups'))}
                  />
                )}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <Autocomplete
                multiple
                freeSolo
                options={[]}
                value={form.tags ?? []}
                onChange={(_e, value) => set({ tags: value })}
                renderInput={params => (
                  <TextField {...params} label={t('editor.tags')} />
                )}
              />
            </Grid>
          </Grid>
        </CardContent>
      </Card>

      <Stack direction="row" spacing={1} justifyContent="flex-end">
        <Button
          variant="outlined"
          disabled={saving}
          onClick={() => save({ ...form, status: 'draft' }, base.version)}
        >
          {t('editor.saveDraft')}
        </Button>
        <Button
          variant="contained"
          disabled={saving}
          onClick={() => save({ ...form, status: 'published' }, base.version)}
          data-testid="editor-publish"
        >
          {t('editor.publish')}
        </Button>
      </Stack>

      {conflict && (
        <MergeDialog
          mine={conflict.mine}
          theirs={conflict.theirs}
          initial={defaultChoices(
            base.input,
            conflict.mine,
            editableFields(conflict.theirs),
          )}
          onCancel={() => setConflict(undefined)}
          onMerge={merged => {
            const theirs = conflict.theirs;
            setConflict(undefined);
            setForm(merged);
            setBase({ input: editableFields(theirs), version: theirs.version });
            save(merged, theirs.version);
          }}
        />
      )}
    </Stack>
  );
}

/** Create (`/new`) or edit (`/entries/:slug/edit`) an entry; the server decides who may. */
export function EntryEditorPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { slug } = useParams();
  const api = useApi(cityHallYearApiRef);
  const identityApi = useApi(coreApis.identity);
  const today = useToday();
  const { value: year } = useYear(resolveFiscalYear(today));
  const loaded = useAsync(async () => {
    const [entry, identity, list] = await Promise.all([
      slug ? api.getEntry(slug) : Promise.resolve(undefined),
      identityApi.getBackstageIdentity(),
      api.listEntries({ limit: 200 }),
    ]);
    const groups = identity.ownershipEntityRefs.filter(ref =>
      ref.startsWith('group:'),
    );
    return { entry, groups, slugs: list.items.map(e => e.slug).sort() };
  }, [api, identityApi, slug]);

  const title = loaded.value?.entry
    ? t('editor.editTitle', { title: loaded.value.entry.title.ja })
    : t('editor.newTitle');
  return (
    <GuidePage title={title}>
      {loaded.loading && <Progress />}
      {loaded.error && <ResponseErrorPanel error={loaded.error} />}
      {loaded.value && (
        <EntryForm
          entry={loaded.value.entry}
          groups={loaded.value.groups}
          slugs={loaded.value.slugs}
          year={year}
        />
      )}
      {!loaded.loading && !loaded.value && !loaded.error && (
        <Typography>{t('entry.notFound')}</Typography>
      )}
    </GuidePage>
  );
}
