import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  courseInputSchema,
  resolveFiscalYear,
  type Course,
  type CourseInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { useSchemaMessage } from '../../hooks/useSchemaMessage';
import { useToday } from '../../hooks/useToday';
import { coursesRouteRef, courseRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { ConfirmDialog } from '../ConfirmDialog';
import { GuidePage } from '../GuidePage';

interface StepDraft {
  key: number;
  entry: string;
  noteJa: string;
  noteEn: string;
}

interface Draft {
  slug: string;
  titleJa: string;
  titleEn: string;
  audienceJa: string;
  audienceEn: string;
  descriptionJa: string;
  steps: StepDraft[];
}

let stepKeys = 0;
const newStep = (entry = '', noteJa = '', noteEn = ''): StepDraft => ({
  key: ++stepKeys,
  entry,
  noteJa,
  noteEn,
});

function toDraft(course?: Course): Draft {
  return {
    slug: course?.slug ?? '',
    titleJa: course?.title.ja ?? '',
    titleEn: course?.title.en ?? '',
    audienceJa: course?.audience.ja ?? '',
    audienceEn: course?.audience.en ?? '',
    descriptionJa: course?.description?.ja ?? '',
    steps: course?.steps.map(s =>
      newStep(s.entry, s.note?.ja ?? '', s.note?.en ?? ''),
    ) ?? [newStep()],
  };
}

const optional = (ja: string, en: string) =>
  ja.trim()
    ? { ja: ja.trim(), ...(en.trim() ? { en: en.trim() } : {}) }
    : undefined;

/** What the draft sends; the server checks it with the shared schema. */
/** Where the form shows a problem the schema finds at a path. */
const FIELD_OF_PATH: Record<string, string> = {
  slug: 'slug',
  'title.ja': 'titleJa',
  'title.en': 'titleEn',
  'audience.ja': 'audienceJa',
  'audience.en': 'audienceEn',
  'description.ja': 'descriptionJa',
};

function toInput(draft: Draft): CourseInput {
  const description = optional(draft.descriptionJa, '');
  return {
    slug: draft.slug.trim(),
    title: {
      ja: draft.titleJa.trim(),
      ...(draft.titleEn.trim() ? { en: draft.titleEn.trim() } : {}),
    },
    audience: {
      ja: draft.audienceJa.trim(),
      ...(draft.audienceEn.trim() ? { en: draft.audienceEn.trim() } : {}),
    },
    ...(description ? { description } : {}),
    steps: draft.steps
      .filter(s => s.entry)
      .map(s => {
        const note = optional(s.noteJa, s.noteEn);
        return { entry: s.entry, ...(note ? { note } : {}) };
      }),
  };
}

/** The editor of a training course (HR): title, audience and the ordered steps. */
export function CourseEditor() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const navigate = useNavigate();
  const courseLink = useRouteRef(courseRouteRef);
  const listLink = useRouteRef(coursesRouteRef);
  const { slug } = useParams();
  const fiscalYear = resolveFiscalYear(useToday());

  const existing = useAsync(
    async () => (slug ? (await api.getCourse(slug)).course : undefined),
    [api, slug],
  );
  const year = useAsync(() => api.getYear(fiscalYear), [api, fiscalYear]);
  const entries = useMemo(() => {
    const titles = new Map<string, string>();
    for (const o of [
      ...(year.value?.occurrences ?? []),
      ...(year.value?.asNeeded ?? []),
    ]) {
      titles.set(o.slug, o.title.ja);
    }
    return titles;
  }, [year.value]);

  const [draft, setDraft] = useState<Draft>(() => toDraft());
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const [triedToSave, setTriedToSave] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const schemaMessage = useSchemaMessage();
  const localize = useLocalize();
  useEffect(() => {
    if (existing.value) setDraft(toDraft(existing.value));
  }, [existing.value]);

  if (existing.loading) return <Progress />;
  if (existing.error) return <ResponseErrorPanel error={existing.error} />;

  const set = (patch: Partial<Draft>) => setDraft(d => ({ ...d, ...patch }));
  // The shared schema's problems, by the field of the form, once a save was tried.
  const problems = new Map<string, string>();
  const parsed = courseInputSchema.safeParse(toInput(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const key =
        FIELD_OF_PATH[path] ?? (issue.path[0] === 'steps' ? 'steps' : path);
      if (!problems.has(key)) problems.set(key, schemaMessage(issue));
    }
  }
  const problemOf = (key: string) =>
    triedToSave ? problems.get(key) : undefined;
  /** A refusal of the server in words: a newer version, or what was wrong. */
  const refusal = (e: unknown): Error | undefined => {
    if (!(e instanceof ResponseError)) return undefined;
    if (e.statusCode === 409) return new Error(t('courseEditor.conflict'));
    if (e.statusCode === 400)
      return new Error(
        t('editor.refusedInput', { reason: e.body.error.message }),
      );
    if (e.statusCode === 403) return new Error(t('courseEditor.refused'));
    return undefined;
  };
  const setStep = (key: number, patch: Partial<StepDraft>) =>
    set({
      steps: draft.steps.map(s => (s.key === key ? { ...s, ...patch } : s)),
    });
  const move = (index: number, by: number) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + by, 0, step);
    set({ steps });
  };

  const save = async () => {
    setTriedToSave(true);
    if (problems.size > 0) {
      toastApi.post({ title: t('editor.invalid'), status: 'danger' });
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const input = toInput(draft);
      const saved = existing.value
        ? await api.updateCourse(
            existing.value.slug,
            input,
            existing.value.version,
          )
        : await api.createCourse(input);
      toastApi.post({
        title: t('courseEditor.saved'),
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
      navigate(courseLink({ slug: saved.slug }));
    } catch (e) {
      setError(refusal(e) ?? (e as Error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!existing.value) return;
    setConfirmDelete(false);
    try {
      await api.deleteCourse(existing.value.slug, existing.value.version);
      toastApi.post({
        title: t('courseEditor.deleted'),
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
      navigate(listLink());
    } catch (e) {
      setError(refusal(e) ?? (e as Error));
    }
  };

  const field = (
    key: keyof Omit<Draft, 'steps'>,
    label: string,
    extra: { multiline?: boolean; disabled?: boolean; required?: boolean } = {},
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={e => set({ [key]: e.target.value })}
      fullWidth
      multiline={extra.multiline}
      minRows={extra.multiline ? 3 : undefined}
      disabled={extra.disabled}
      required={extra.required}
      error={Boolean(problemOf(key))}
      helperText={problemOf(key)}
      inputProps={{ 'data-testid': `course-field-${key}` }}
    />
  );

  return (
    <GuidePage
      title={
        existing.value
          ? t('courseEditor.titleEdit')
          : t('courseEditor.titleNew')
      }
      subtitle={existing.value?.title.ja}
    >
      <Stack spacing={2} sx={{ maxWidth: 900 }}>
        {error && <Alert severity="error">{error.message}</Alert>}
        {field('slug', t('courseEditor.slug'), {
          disabled: Boolean(existing.value),
          required: true,
        })}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {field('titleJa', t('courseEditor.titleJa'), {
            required: true,
          })}
          {field('titleEn', t('courseEditor.titleEn'))}
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {field('audienceJa', t('courseEditor.audienceJa'), {
            required: true,
          })}
          {field('audienceEn', t('courseEditor.audienceEn'))}
        </Stack>
        {field('descriptionJa', t('courseEditor.descriptionJa'), {
          multiline: true,
        })}
        <Typography variant="h6" component="h2">
          {t('courseEditor.steps')}
        </Typography>
        {draft.steps.map((step, index) => (
          <Card
            variant="outlined"
            key={step.key}
            data-testid={`course-editor-step-${index + 1}`}
          >
            <CardContent>
              <Stack spacing={1}>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Typography sx={{ minWidth: 32 }}>{index + 1}.</Typography>
                  <Autocomplete
                    sx={{ flex: 1 }}
                    options={[...entries.keys()]}
                    value={step.entry || null}
                    onChange={(_e, value) =>
                      setStep(step.key, { entry: value ?? '' })
                    }
                    getOptionLabel={slugOption =>
                      entries.has(slugOption)
                        ? `${entries.get(slugOption)}（${slugOption}）`
                        : slugOption
                    }
                    renderInput={params => (
                      <TextField
                        {...params}
                        label={t('courseEditor.entry')}
                        inputProps={{
                          ...params.inputProps,
                          'data-testid': `course-step-entry-${index + 1}`,
                        }}
                      />
                    )}
                  />
                  <IconButton
                    aria-label={t('courseEditor.moveUp')}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpwardIcon />
                  </IconButton>
                  <IconButton
                    aria-label={t('courseEditor.moveDown')}
                    disabled={index === draft.steps.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownwardIcon />
                  </IconButton>
                  <IconButton
                    aria-label={t('courseEditor.remove')}
                    disabled={draft.steps.length === 1}
                    onClick={() =>
                      set({
                        steps: draft.steps.filter(s => s.key !== step.key),
                      })
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </Stack>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                  {(['noteJa', 'noteEn'] as const).map(note => (
                    <TextField
                      key={note}
                      label={t(`courseEditor.${note}`)}
                      value={step[note]}
                      onChange={e =>
                        setStep(step.key, { [note]: e.target.value })
                      }
                      fullWidth
                    />
                  ))}
                </Stack>
              </Stack>
            </CardContent>
          </Card>
        ))}
        <div>
          <Button
            onClick={() => set({ steps: [...draft.steps, newStep()] })}
            data-testid="course-add-step"
          >
            {t('courseEditor.addStep')}
          </Button>
        </div>
        <Stack direction="row" spacing={1}>
          <Button
            variant="contained"
            onClick={save}
            disabled={saving}
            data-testid="course-save"
          >
            {t('courseEditor.save')}
          </Button>
          {existing.value && (
            <Button
              color="error"
              onClick={() => setConfirmDelete(true)}
              data-testid="course-delete"
            >
              {t('courseEditor.delete')}
            </Button>
          )}
        </Stack>
        {problemOf('steps') && (
          <Typography color="error" role="alert">
            {problemOf('steps')}
          </Typography>
        )}
        <ConfirmDialog
          open={confirmDelete}
          title={t('courseEditor.deleteConfirmTitle', {
            title: existing.value ? localize(existing.value.title) : '',
          })}
          text={t('courseEditor.deleteConfirm')}
          confirm={t('courseEditor.delete')}
          onConfirm={remove}
          onCancel={() => setConfirmDelete(false)}
        />
      </Stack>
    </GuidePage>
  );
}
