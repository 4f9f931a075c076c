import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  CYCLES,
  resolveFiscalYear,
  type Cycle,
  type ImportReport,
  type ImportExportFormat,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  cityHallYearApiRef,
  ImportRefusedError,
  type ImportProgress,
} from '../../api';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useToday } from '../../hooks/useToday';
import { cityHallYearTranslationRef } from '../../translation';
import { DepartmentSelect } from '../DepartmentSelect';
import { GuidePage } from '../GuidePage';

/** Rows shown in the report table; the summary counts all of them. */
const SHOWN_ROWS = 500;

type Status =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'sending'; progress: ImportProgress }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'refused'; report: ImportReport };

function formatOf(fileName: string): ImportExportFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'csv';
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

function ProgressLine(props: { status: Status }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { status } = props;
  if (status.kind === 'reading') {
    return <LinearProgress aria-label={t('importExport.reading')} />;
  }
  if (status.kind !== 'sending') return null;
  const { progress } = status;
  if (progress.phase === 'uploading' && progress.total > 0) {
    const percent = Math.round((progress.loaded / progress.total) * 100);
    return (
      <Box>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={t('importExport.uploading', { percent: String(percent) })}
        />
        <Typography variant="caption">
          {t('importExport.uploading', { percent: String(percent) })}
        </Typography>
      </Box>
    );
  }
  return (
    <Box>
      <LinearProgress aria-label={t('importExport.checking')} />
      <Typography variant="caption">{t('importExport.checking')}</Typography>
    </Box>
  );
}

const ACTION_COLORS = {
  create: 'primary',
  update: 'primary',
  unchanged: 'default',
  error: 'error',
} as const;

function summarySeverity(report: ImportReport) {
  if (report.summary.error > 0) return 'error';
  return report.applied ? 'success' : 'info';
}

function ReportTable(props: { report: ImportReport }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const rows = [...props.report.rows]
    .sort(
      (a, b) =>
        Number(b.action === 'error') - Number(a.action === 'error') ||
        a.row - b.row,
    )
    .slice(0, SHOWN_ROWS);
  return (
    <Table size="small" aria-label={t('importExport.importTitle')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('importExport.row')}</TableCell>
          <TableCell>{t('importExport.slug')}</TableCell>
          <TableCell>{t('importExport.action')}</TableCell>
          <TableCell>{t('importExport.problems')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.row} data-testid={`import-row-${row.row}`}>
            <TableCell>{row.row}</TableCell>
            <TableCell>{row.slug ?? '—'}</TableCell>
            <TableCell>
              <Chip
                size="small"
                label={t(`importExport.actions.${row.action}`)}
                color={ACTION_COLORS[row.action]}
                variant={row.action === 'unchanged' ? 'outlined' : 'filled'}
              />
              {row.changedFields?.length ? (
                <Typography variant="caption" component="div">
                  {row.changedFields.join(', ')}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>
              {row.errors.map((error, i) => (
                <Typography key={i} variant="body2" color="error">
                  {error.column
                    ? `${t('importExport.column')} ${error.column}: `
                    : ''}
                  {error.message}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Import of a department's spreadsheet (dry run, then all-or-nothing) and export of the year. */
export function ImportExportPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const errorApi = useApi(coreApis.error);
  const toastApi = useApi(coreApis.toast);
  const [file, setFile] = useState<{
    name: string;
    content: string;
    format: ImportExportFormat;
  }>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // What to export: every entry the reader may read, or one department's or cycle's.
  const [owner, setOwner] = useState('');
  const [cycle, setCycle] = useState<Cycle | ''>('');
  const today = useToday();
  const { value: owners = [] } = useAsync(async () => {
    const year = await api.getYear(resolveFiscalYear(today));
    return [...new Set(year.occurrences.map(o => o.owner))];
  }, [api]);
  const names = useOwnerNames(owners);
  const nameOf = (ref: string) => names.get(ref) ?? shortName(ref);
  const busy = status.kind === 'reading' || status.kind === 'sending';

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setStatus({ kind: 'reading' });
    try {
      setFile({
        name: chosen.name,
        content: await readText(chosen),
        format: formatOf(chosen.name),
      });
      setStatus({ kind: 'idle' });
    } catch (error) {
      errorApi.post(error as Error);
      setStatus({ kind: 'idle' });
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setStatus({ kind: 'sending', progress: { phase: 'checking' } });
    try {
      const report = await api.importEntries({
        format: file.format,
        content: file.content,
        dryRun,
        onProgress: progress => setStatus({ kind: 'sending', progress }),
      });
      setStatus({ kind: 'report', report });
      if (!dryRun) {
        toastApi.post({
          title: t('importExport.applied', {
            create: String(report.summary.create),
            update: String(report.summary.update),
          }),
          status: 'success',
        });
      }
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        setStatus({ kind: 'refused', report: error.report });
      } else {
        errorApi.post(error as Error);
        setStatus({ kind: 'idle' });
      }
    }
  };

  const download = async (format: ImportExportFormat) => {
    try {
      const blob = await api.exportEntries(format, {
        ...(owner ? { owner: [owner] } : {}),
        ...(cycle ? { cycle: [cycle] } : {}),
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `city-hall-year-entries${
        owner ? `-${shortName(owner)}` : ''
      }${cycle ? `-${cycle}` : ''}.${format}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      errorApi.post(error as Error);
    }
  };

  const report =
    status.kind === 'report' || status.kind === 'refused'
      ? status.report
      : undefined;
  const writable = report ? report.summary.create + report.summary.update : 0;

  return (
    <GuidePage
      title={t('importExport.title')}
      subtitle={t('importExport.subtitle')}
    >
      <Stack spacing={3}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {t('importExport.exportTitle')}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {t('importExport.exportHint')}
            </Typography>
            <Stack
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              sx={{ my: 2 }}
            >
              <DepartmentSelect
                label={t('importExport.exportDepartment')}
                allLabel={t('importExport.allDepartments')}
                owners={owners}
                nameOf={nameOf}
                value={owner}
                onChange={setOwner}
                testId="export-owner"
              />
              <TextField
                select
                size="small"
                label={t('importExport.exportCycle')}
                value={cycle}
                onChange={e => setCycle(e.target.value as Cycle | '')}
                SelectProps={{ displayEmpty: true }}
                InputLabelProps={{ shrink: true }}
                sx={{ minWidth: 160 }}
                data-testid="export-cycle"
              >
                <MenuItem value="">{t('importExport.allCycles')}</MenuItem>
                {CYCLES.map(c => (
                  <MenuItem key={c} value={c}>
                    {t(`cycles.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
              <Button variant="outlined" onClick={() => download('csv')}>
                {t('importExport.exportCsv')}
              </Button>
              <Button variant="outlined" onClick={() => download('yaml')}>
                {t('importExport.exportYaml')}
              </Button>
            </Stack>
          </CardContent>
        </Card>

        <Card variant="outlined">
          <CardContent>
            <Stack spacing={2}>
              <Typography variant="h6" component="h2">
                {t('importExport.importTitle')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('importExport.importHint')}
              </Typography>
              <Stack direction="row" spacing={1} alignItems="center">
                <Button variant="outlined" component="label" disabled={busy}>
                  {t('importExport.chooseFile')}
                  <input
                    hidden
                    type="file"
                    accept=".csv,.yaml,.yml,text/csv,application/yaml"
                    data-testid="import-file"
                    onChange={event => choose(event.target.files?.[0])}
                  />
                </Button>
                {file && <Typography variant="body2">{file.name}</Typography>}
                <Button
                  variant="contained"
                  disabled={!file || busy}
                  onClick={() => send(true)}
                >
                  {t('importExport.check')}
                </Button>
                <Button
                  variant="contained"
                  color="success"
                  disabled={
                    !file ||
                    busy ||
                    status.kind !== 'report' ||
                    !report?.dryRun ||
                    report.summary.error > 0 ||
                    writable === 0
                  }
                  onClick={() => send(false)}
                >
                  {t('importExport.apply', { rows: String(writable) })}
                </Button>
              </Stack>
              <ProgressLine status={status} />
              {report && (
                <Alert
                  severity={summarySeverity(report)}
                  data-testid="import-summary"
                >
                  {status.kind === 'refused'
                    ? `${t('importExport.refused')} `
                    : ''}
                  {report.applied
                    ? t('importExport.applied', {
                        create: String(report.summary.create),
                        update: String(report.summary.update),
                      })
                    : t('importExport.summary', {
                        create: String(report.summary.create),
                        update: String(report.summary.update),
                        unchanged: String(report.summary.unchanged),
                        error: String(report.summary.error),
                      })}
                </Alert>
              )}
              {report && <ReportTable report={report} />}
            </Stack>
          </CardContent>
        </Card>
      </Stack>
    </GuidePage>
  );
}
