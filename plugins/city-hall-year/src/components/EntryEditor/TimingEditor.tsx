import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  FISCAL_MONTHS,
  formatRulesNotation,
  ENTRY_LIMITS,
  MONTH_PARTS,
  parseTimingNotation,
  timingSchema,
  type MonthPart,
  type Timing,
  type TimingRule,
  type YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import {
  monthName,
  useFiscalYearLabel,
  useGuideLanguage,
} from '../../hooks/useGuideLanguage';
import { cityHallYearTranslationRef } from '../../translation';
import { EntryPicker } from '../EntryPicker';
import { previewDates } from './previewDates';

type Kind = TimingRule['kind'];
const NTH = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  5: 'fifth',
  [-1]: 'last',
} as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const KINDS: Kind[] = ['months', 'date', 'range', 'nthWeekday', 'relative'];

/** The month a rule starts in; April for none. */
function monthOf(rule: TimingRule | undefined): number {
  switch (rule?.kind) {
    case 'date':
      return rule.on.month;
    case 'range':
    case 'months':
      return rule.from.month;
    case 'nthWeekday':
      return rule.month;
    default:
      return 4;
  }
}

/** A new rule of a kind, starting from what the old rule said where it can. */
function ruleOfKind(kind: Kind, from?: TimingRule): TimingRule {
  const month = monthOf(from);
  switch (kind) {
    case 'date':
      return { kind, on: { month, day: 1 } };
    case 'range':
      return { kind, from: { month, day: 1 }, to: { month, day: 10 } };
    case 'months':
      return { kind, from: { month }, to: { month } };
    case 'nthWeekday':
      return { kind, month, nth: 1, weekday: 1 };
    case 'relative':
    default:
      return {
        kind: 'relative',
        entry: '',
        anchor: 'start',
        offsetDays: 1,
        durationDays: 1,
      };
  }
}

/** A small select of numbers or words. */
function Choice<T extends string | number>(props: {
  label: string;
  value: T;
  options: Array<[T, string]>;
  onChange: (value: T) => void;
  testId?: string;
  minWidth?: number;
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={e =>
        props.onChange(
          (typeof props.value === 'number'
            ? Number(e.target.value)
            : e.target.value) as T,
        )
      }
      sx={{ minWidth: props.minWidth ?? 96 }}
      SelectProps={{
        SelectDisplayProps: { 'data-testid': props.testId } as object,
      }}
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

function NumberInput(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  error?: string;
  testId?: string;
}) {
  return (
    <TextField
      size="small"
      type="number"
      label={props.label}
      value={Number.isNaN(props.value) ? '' : props.value}
      error={Boolean(props.error)}
      helperText={props.error}
      onChange={e => props.onChange(Number.parseInt(e.target.value, 10))}
      inputProps={{
        min: props.min,
        max: props.max,
        'data-testid': props.testId,
      }}
      sx={{ width: 110 }}
    />
  );
}

/** The fields of one rule, by its kind. */
function RuleFields(props: {
  rule: TimingRule;
  index: number;
  slug: string;
  onChange: (rule: TimingRule) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const language = useGuideLanguage();
  const { rule, index, onChange } = props;
  const at = (path: string) => props.errorOf(`timing.rules.${index}.${path}`);
  const id = (name: string) => `timing-rule-${index}-${name}`;
  const months: Array<[number, string]> = FISCAL_MONTHS.map(m => [
    m,
    monthName(m, language),
  ]);
  const parts: Array<['whole' | MonthPart, string]> = [
    ['whole', t('timingEditor.parts.whole')],
    ...MONTH_PARTS.map(
      p => [p, t(`timingEditor.parts.${p}`)] as [MonthPart, string],
    ),
  ];
  const monthDay = (
    name: 'on' | 'from' | 'to',
    value: { month: number; day: number },
    set: (v: { month: number; day: number }) => void,
    label: string,
  ) => (
    <Stack direction="row" spacing={1} alignItems="flex-start">
      <Choice
        label={label}
        value={value.month}
        options={months}
        onChange={month => set({ ...value, month })}
        testId={id(`${name}-month`)}
      />
      <NumberInput
        label={t('timingEditor.day')}
        value={value.day}
        min={1}
        max={31}
        onChange={day => set({ ...value, day })}
        error={at(`${name}.day`)}
        testId={id(`${name}-day`)}
      />
    </Stack>
  );

  switch (rule.kind) {
    case 'date':
      return monthDay(
        'on',
        rule.on,
        on => onChange({ ...rule, on }),
        t('timingEditor.month'),
      );
    case 'range':
      return (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {monthDay(
            'from',
            rule.from,
            from => onChange({ ...rule, from }),
            t('timingEditor.fromMonth'),
          )}
          {monthDay(
            'to',
            rule.to,
            to => onChange({ ...rule, to }),
            t('timingEditor.toMonth'),
          )}
        </Stack>
      );
    case 'months': {
      const point = (
        name: 'from' | 'to',
        value: { month: number; part?: MonthPart },
        label: string,
      ) => (
        <Stack direction="row" spacing={1}>
          <Choice
            label={label}
            value={value.month}
            options={months}
            onChange={month =>
              onChange({ ...rule, [name]: { ...value, month } })
            }
            testId={id(`${name}-month`)}
          />
          <Choice
            label={t('timingEditor.part')}
            value={value.part ?? 'whole'}
            options={parts}
            minWidth={150}
            onChange={part =>
              onChange({
                ...rule,
                [name]:
                  part === 'whole'
                    ? { month: value.month }
                    : { month: value.month, part },
              })
            }
            testId={id(`${name}-part`)}
          />
        </Stack>
      );
      return (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {point('from', rule.from, t('timingEditor.fromMonth'))}
          {point('to', rule.to, t('timingEditor.toMonth'))}
        </Stack>
      );
    }
    case 'nthWeekday':
      return (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          <Choice
            label={t('timingEditor.month')}
            value={rule.month}
            options={months}
            onChange={month => onChange({ ...rule, month })}
            testId={id('month')}
          />
          <Choice
            label={t('timingEditor.nth')}
            value={rule.nth}
            options={([1, 2, 3, 4, 5, -1] as const).map(n => [
              n,
              t(`timingEditor.nthOptions.${NTH[n]}`),
            ])}
            onChange={nth => onChange({ ...rule, nth })}
            testId={id('nth')}
          />
          <Choice
            label={t('timingEditor.weekday')}
            value={rule.weekday}
            options={[1, 2, 3, 4, 5, 6, 7].map(d => [
              d,
              t(`timingEditor.weekdays.${WEEKDAYS[d - 1]}`),
            ])}
            onChange={weekday => onChange({ ...rule, weekday })}
            testId={id('weekday')}
          />
        </Stack>
      );
    case 'relative':
      return (
        <Stack spacing={2}>
          <EntryPicker
            label={t('timingEditor.relativeEntry')}
            value={rule.entry ? [rule.entry] : []}
            // One entry to count from: a new pick replaces the old.
            onChange={slugs => onChange({ ...rule, entry: slugs.at(-1) ?? '' })}
            exclude={props.slug}
            error={at('entry')}
            testId={id('entry')}
          />
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            <Choice
              label={t('timingEditor.anchor')}
              value={rule.anchor}
              options={[
                ['start', t('timingEditor.anchors.start')],
                ['end', t('timingEditor.anchors.end')],
              ]}
              onChange={anchor => onChange({ ...rule, anchor })}
              testId={id('anchor')}
            />
            <NumberInput
              label={t('timingEditor.days')}
              value={Math.abs(rule.offsetDays)}
              min={0}
              max={ENTRY_LIMITS.maxOffsetDays}
              onChange={days =>
                onChange({
                  ...rule,
                  offsetDays: rule.offsetDays < 0 ? -days : days,
                })
              }
              error={at('offsetDays')}
              testId={id('days')}
            />
            <Choice
              label={t('timingEditor.direction')}
              value={rule.offsetDays < 0 ? 'before' : 'after'}
              options={[
                ['after', t('timingEditor.directions.after')],
                ['before', t('timingEditor.directions.before')],
              ]}
              onChange={direction => {
                const days = Math.abs(rule.offsetDays);
                onChange({
                  ...rule,
                  offsetDays: direction === 'before' ? -days : days,
                });
              }}
              testId={id('direction')}
            />
            <NumberInput
              label={t('timingEditor.duration')}
              value={rule.durationDays}
              min={1}
              max={ENTRY_LIMITS.maxOffsetDays}
              onChange={durationDays => onChange({ ...rule, durationDays })}
              error={at('durationDays')}
              testId={id('duration')}
            />
          </Stack>
        </Stack>
      );
    default:
      return null;
  }
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle2" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Stack>
  );
}

/**
 * When a step happens, as a form: its rules, one form per kind (a date, a range,
 * months with 上旬・中旬・下旬, the nth weekday, days before or after a picked entry),
 * the dates of particular years with date pickers, the note in both languages, and a
 * live preview of this year's dates. The notation (「6月上旬〜7月」) stays a switch
 * away for those who prefer typing. Problems come from the shared schema.
 */
export function TimingEditor(props: {
  value: Timing;
  onChange: (timing: Timing) => void;
  errorOf: (path: string) => string | undefined;
  /** The entry's slug: not offered as its own anchor, and named in the preview. */
  slug: string;
  year?: YearView;
  /** Set while the notation cannot be read, so that the form refuses to save. */
  onNotationError: (message: string | undefined) => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value: timing, onChange } = props;
  const fiscalYearLabel = useFiscalYearLabel();
  const [notation, setNotation] = useState<string>();
  const [notationError, setNotationError] = useState<string>();
  const rules = timing.rules;
  const setRules = (next: TimingRule[]) => onChange({ ...timing, rules: next });
  const setOverrides = (next: Timing['overrides']) =>
    onChange({ ...timing, overrides: next });
  const thisYear = props.year?.fiscalYear;
  const language = useGuideLanguage();
  const preview = previewDates(timing, props.slug, props.year, language);

  const readNotation = (text: string) => {
    setNotation(text);
    try {
      const parsed = timingSchema.parse(parseTimingNotation(text));
      // The notation says the rules; the dates of particular years and the note
      // keep their own fields (unless JSON of a whole timing was pasted).
      onChange(
        text.trim().startsWith('{')
          ? parsed
          : { ...timing, asNeeded: parsed.asNeeded, rules: parsed.rules },
      );
      setNotationError(undefined);
      props.onNotationError(undefined);
    } catch (error) {
      const message = (error as Error).message;
      setNotationError(message);
      props.onNotationError(message);
    }
  };

  return (
    <Card variant="outlined" data-testid="timing-editor">
      <CardContent>
        <Stack spacing={3}>
          <Stack
            direction="row"
            justifyContent="space-between"
            alignItems="center"
            flexWrap="wrap"
          >
            <Typography variant="h6" component="h2">
              {t('fields.timing')}
            </Typography>
            <FormControlLabel
              control={
                <Switch
                  checked={notation !== undefined}
                  onChange={e => {
                    setNotationError(undefined);
                    props.onNotationError(undefined);
                    setNotation(
                      e.target.checked
                        ? formatRulesNotation(timing)
                        : undefined,
                    );
                  }}
                  inputProps={{ 'aria-describedby': 'timing-notation-help' }}
                  data-testid="timing-notation-switch"
                />
              }
              label={t('timingEditor.notation')}
            />
          </Stack>

          <Section title={t('timingEditor.rules')}>
            {notation !== undefined ? (
              <TextField
                multiline
                fullWidth
                label={t('timingEditor.notationLabel')}
                value={notation}
                onChange={e => readNotation(e.target.value)}
                error={Boolean(notationError)}
                helperText={notationError ?? t('timingEditor.notationHelp')}
                FormHelperTextProps={{ id: 'timing-notation-help' }}
                inputProps={{ 'data-testid': 'editor-timing' }}
              />
            ) : (
              <>
                {rules.map((rule, index) => (
                  <Paper
                    key={index}
                    variant="outlined"
                    sx={{ p: 2 }}
                    data-testid={`timing-rule-${index}`}
                  >
                    <Stack spacing={2}>
                      <Stack direction="row" spacing={1} alignItems="center">
                        <Choice
                          label={t('timingEditor.kind')}
                          value={rule.kind}
                          minWidth={220}
                          options={KINDS.map(k => [
                            k,
                            t(`timingEditor.kinds.${k}`),
                          ])}
                          onChange={kind =>
                            setRules(
                              rules.map((r, i) =>
                                i === index ? ruleOfKind(kind, r) : r,
                              ),
                            )
                          }
                          testId={`timing-rule-${index}-kind`}
                        />
                        <IconButton
                          aria-label={t('timingEditor.removeRule', {
                            n: String(index + 1),
                          })}
                          onClick={() =>
                            setRules(rules.filter((_r, i) => i !== index))
                          }
                        >
                          <DeleteOutlineIcon />
                        </IconButton>
                      </Stack>
                      <RuleFields
                        rule={rule}
                        index={index}
                        slug={props.slug}
                        errorOf={props.errorOf}
                        onChange={next =>
                          setRules(
                            rules.map((r, i) => (i === index ? next : r)),
                          )
                        }
                      />
                    </Stack>
                  </Paper>
                ))}
                <Stack direction="row" spacing={2} alignItems="center">
                  <Button
                    startIcon={<AddIcon />}
                    disabled={rules.length >= ENTRY_LIMITS.occurrencesPerYear}
                    onClick={() =>
                      setRules([...rules, ruleOfKind('months', rules.at(-1))])
                    }
                    data-testid="timing-add-rule"
                  >
                    {t('timingEditor.addRule')}
                  </Button>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={timing.asNeeded}
                        onChange={e =>
                          onChange({ ...timing, asNeeded: e.target.checked })
                        }
                      />
                    }
                    label={t('timingEditor.asNeeded')}
                  />
                </Stack>
              </>
            )}
            {props.errorOf('timing.rules') && (
              <Typography color="error" variant="body2" role="alert">
                {props.errorOf('timing.rules')}
              </Typography>
            )}
            <Typography
              variant="body2"
              role="status"
              data-testid="timing-preview"
            >
              {preview
                ? t('editor.timingPreview', { dates: preview })
                : t('timingEditor.noDates')}
            </Typography>
          </Section>

          <Section title={t('timingEditor.overrides')}>
            <Typography variant="body2" color="text.secondary">
              {t('timingEditor.overridesHelp')}
            </Typography>
            {timing.overrides.map((override, oi) => {
              const setOverride = (next: (typeof timing.overrides)[number]) =>
                setOverrides(
                  timing.overrides.map((o, i) => (i === oi ? next : o)),
                );
              return (
                <Paper
                  key={oi}
                  variant="outlined"
                  sx={{ p: 2 }}
                  data-testid={`timing-override-${oi}`}
                >
                  <Stack spacing={2}>
                    <Stack direction="row" spacing={1} alignItems="center">
                      <Choice
                        label={t('timingEditor.overrideYear')}
                        value={override.fiscalYear}
                        minWidth={160}
                        options={yearOptions(override.fiscalYear, thisYear).map(
                          y => [y, fiscalYearLabel(y)],
                        )}
                        onChange={fiscalYear =>
                          setOverride({ ...override, fiscalYear })
                        }
                      />
                      <IconButton
                        aria-label={t('timingEditor.removeOverride', {
                          year: fiscalYearLabel(override.fiscalYear),
                        })}
                        onClick={() =>
                          setOverrides(
                            timing.overrides.filter((_o, i) => i !== oi),
                          )
                        }
                      >
                        <DeleteOutlineIcon />
                      </IconButton>
                    </Stack>
                    {override.dates.map((date, di) => {
                      const at = (field: string) =>
                        props.errorOf(
                          `timing.overrides.${oi}.dates.${di}.${field}`,
                        );
                      const setDate = (next: typeof date) =>
                        setOverride({
                          ...override,
                          dates: override.dates.map((d, i) =>
                            i === di ? next : d,
                          ),
                        });
                      return (
                        <Stack
                          key={di}
                          direction="row"
                          spacing={1}
                          alignItems="flex-start"
                          flexWrap="wrap"
                          useFlexGap
                        >
                          <TextField
                            size="small"
                            type="date"
                            label={t('timingEditor.start')}
                            value={date.start}
                            error={Boolean(at('start'))}
                            helperText={at('start')}
                            InputLabelProps={{ shrink: true }}
                            onChange={e =>
                              setDate({ ...date, start: e.target.value })
                            }
                            inputProps={{
                              'data-testid': `timing-override-${oi}-${di}-start`,
                            }}
                          />
                          <TextField
                            size="small"
                            type="date"
                            label={t('timingEditor.end')}
                            value={date.end ?? ''}
                            error={Boolean(at('end'))}
                            helperText={at('end')}
                            InputLabelProps={{ shrink: true }}
                            onChange={e =>
                              setDate({
                                ...date,
                                end: e.target.value || undefined,
                              })
                            }
                            inputProps={{
                              'data-testid': `timing-override-${oi}-${di}-end`,
                            }}
                          />
                          {override.dates.length > 1 && (
                            <IconButton
                              aria-label={t('timingEditor.removeDate')}
                              onClick={() =>
                                setOverride({
                                  ...override,
                                  dates: override.dates.filter(
                                    (_d, i) => i !== di,
                                  ),
                                })
                              }
                            >
                              <DeleteOutlineIcon />
                            </IconButton>
                          )}
                        </Stack>
                      );
                    })}
                    <Button
                      size="small"
                      startIcon={<AddIcon />}
                      sx={{ alignSelf: 'flex-start' }}
                      disabled={
                        override.dates.length >= ENTRY_LIMITS.occurrencesPerYear
                      }
                      onClick={() =>
                        setOverride({
                          ...override,
                          dates: [
                            ...override.dates,
                            { start: override.dates.at(-1)?.start ?? '' },
                          ],
                        })
                      }
                    >
                      {t('timingEditor.addDate')}
                    </Button>
                  </Stack>
                </Paper>
              );
            })}
            <Button
              startIcon={<AddIcon />}
              sx={{ alignSelf: 'flex-start' }}
              disabled={timing.overrides.length >= ENTRY_LIMITS.overrideCount}
              onClick={() => {
                const used = new Set(timing.overrides.map(o => o.fiscalYear));
                let fiscalYear = thisYear ?? new Date().getFullYear();
                while (used.has(fiscalYear)) fiscalYear++;
                setOverrides([
                  ...timing.overrides,
                  { fiscalYear, dates: [{ start: `${fiscalYear}-04-01` }] },
                ]);
              }}
              data-testid="timing-add-override"
            >
              {t('timingEditor.addOverride')}
            </Button>
          </Section>

          <Section title={t('timingEditor.note')}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              {(['ja', 'en'] as const).map(lang => (
                <TextField
                  key={lang}
                  fullWidth
                  multiline
                  label={t(
                    lang === 'ja'
                      ? 'timingEditor.noteJa'
                      : 'timingEditor.noteEn',
                  )}
                  value={timing.note?.[lang] ?? ''}
                  error={Boolean(props.errorOf(`timing.note.${lang}`))}
                  helperText={props.errorOf(`timing.note.${lang}`)}
                  onChange={e => {
                    const note = {
                      ja: timing.note?.ja ?? '',
                      en: timing.note?.en,
                      [lang]:
                        e.target.value || (lang === 'en' ? undefined : ''),
                    };
                    // Both cleared: no note at all, which the schema allows.
                    onChange({
                      ...timing,
                      note: note.ja || note.en ? note : undefined,
                    });
                  }}
                  inputProps={{ lang, 'data-testid': `timing-note-${lang}` }}
                />
              ))}
            </Stack>
          </Section>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Fiscal years offered for an override: a few around this one, and its own. */
function yearOptions(current: number, thisYear: number | undefined): number[] {
  const base = thisYear ?? current;
  const years = new Set([current]);
  for (let y = base - 1; y <= base + 3; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}
