import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/ui';
import {
  CYCLES,
  resolveFiscalYear,
  type CreatedFeedToken,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef, type FeedSelection } from '../../api';
import { useCopyToClipboardWithToast } from '../../hooks/useCopyToClipboardWithToast';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useToday } from '../../hooks/useToday';
import { rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { ConfirmDialog } from '../ConfirmDialog';
import { GuidePage } from '../GuidePage';
import { useLocalize } from '../../hooks/useGuideLanguage';

const when = (iso: string) =>
  DateTime.fromISO(iso)
    .setZone('Asia/Tokyo')
    .setLocale('ja-JP')
    .toLocaleString(DateTime.DATETIME_MED);

function FeedAddress(props: { label: string; url: string; empty?: boolean }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const copyToClipboard = useCopyToClipboardWithToast(t('feeds.copied'));
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <TextField
        label={props.label}
        value={props.url}
        fullWidth
        size="small"
        InputProps={{ readOnly: true }}
        inputProps={{ 'data-testid': 'feed-url' }}
        // A calendar that would stay empty says so before anyone subscribes to it.
        helperText={props.empty ? t('feeds.empty') : undefined}
        FormHelperTextProps={{ 'data-testid': 'feed-empty' } as object}
      />
      <IconButton
        aria-label={t('feeds.copy')}
        onClick={() => copyToClipboard(props.url)}
      >
        <ContentCopyIcon />
      </IconButton>
    </Stack>
  );
}

/** The addresses a fresh token gives: the whole year, the user's departments, each cycle. */
function FeedAddresses(props: { token: CreatedFeedToken }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const identityApi = useApi(coreApis.identity);
  const [params] = useSearchParams();
  const course = params.get('course') ?? undefined;
  const today = useToday();
  // The reader's departments and the course, by their names (会計課), not references.
  const { value: groups } = useAsync(
    async () =>
      (await identityApi.getBackstageIdentity()).ownershipEntityRefs.filter(
        ref => ref.startsWith('group:'),
      ),
    [identityApi],
  );
  const names = useOwnerNames(groups ?? []);
  const { value: courseTitle } = useAsync(
    async () =>
      course
        ? (await api.getCourse(course).catch(() => undefined))?.course.title
        : undefined,
    [api, course],
  );
  const { value } = useAsync(async () => {
    if (!groups) return undefined;
    // This year's published steps, to tell which addresses would give an empty calendar.
    const year = await api
      .getYear(resolveFiscalYear(today))
      .catch(() => undefined);
    const isEmpty = (selection: FeedSelection) =>
      year !== undefined &&
      !selection.course &&
      !selection.mine &&
      !year.occurrences.some(
        o =>
          (!selection.owner || o.owner === selection.owner) &&
          (!selection.cycle || o.cycle === selection.cycle),
      );
    const selections: Array<{ label: string; selection: FeedSelection }> = [
      { label: t('feeds.all'), selection: {} },
      { label: t('myYear.mine'), selection: { mine: true } },
      ...(course
        ? [
            {
              label: `${t('feeds.course')}: ${
                courseTitle ? localize(courseTitle) : course
              }`,
              selection: { course },
            },
          ]
        : []),
      ...groups.map(owner => ({
        label: `${t('feeds.owner')}: ${names.get(owner) ?? shortName(owner)}`,
        selection: { owner },
      })),
      ...CYCLES.filter(c => c !== 'other').map(cycle => ({
        label: `${t('feeds.cycle')}: ${t(`cycles.${cycle}`)}`,
        selection: { cycle },
      })),
    ];
    return Promise.all(
      selections.map(async s => ({
        label: s.label,
        url: await api.feedUrl(props.token.token, s.selection),
        empty: isEmpty(s.selection),
      })),
    );
  }, [api, groups, names, courseTitle, localize, props.token, course, today]);
  return (
    <Alert severity="success" data-testid="feed-created">
      <Typography gutterBottom>{t('feeds.created')}</Typography>
      <Stack spacing={1.5} sx={{ mt: 1 }}>
        {value?.map(a => (
          <FeedAddress
            key={a.url}
            label={a.label}
            url={a.url}
            empty={a.empty}
          />
        ))}
      </Stack>
    </Alert>
  );
}

/** Calendar feeds: create and revoke the feed tokens that calendar apps use. */
export function FeedsPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const rootLink = useRouteRef(rootRouteRef);
  const tokens = useAsyncRetry(() => api.listFeedTokens(), [api]);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedFeedToken>();
  const [error, setError] = useState<Error>();
  // The token whose revocation is being asked about.
  const [revoking, setRevoking] = useState<string>();
  const errorApi = useApi(coreApis.error);

  return (
    <GuidePage title={t('feeds.title')}>
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        <Link href={rootLink()}>{t('entry.back')}</Link>
        <Typography>{t('feeds.lead')}</Typography>
        {error && <ResponseErrorPanel error={error} />}
        <Stack direction="row" spacing={1}>
          <TextField
            label={t('feeds.label')}
            value={label}
            onChange={e => setLabel(e.target.value)}
            size="small"
            sx={{ flex: 1 }}
            inputProps={{ 'data-testid': 'feed-label', maxLength: 80 }}
          />
          <Button
            variant="contained"
            disabled={!label.trim()}
            data-testid="feed-create"
            onClick={async () => {
              try {
                setError(undefined);
                setCreated(await api.createFeedToken(label.trim()));
                setLabel('');
                tokens.retry();
              } catch (e) {
                setError(e as Error);
              }
            }}
          >
            {t('feeds.create')}
          </Button>
        </Stack>
        {created && <FeedAddresses token={created} />}
        <Typography variant="h6" component="h2">
          {t('feeds.tokens')}
        </Typography>
        {tokens.loading && <Progress />}
        {tokens.error && <ResponseErrorPanel error={tokens.error} />}
        {tokens.value?.length === 0 && (
          <Typography>{t('feeds.none')}</Typography>
        )}
        {tokens.value?.map(token => (
          <Card variant="outlined" key={token.id} data-testid="feed-token">
            <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
              <div style={{ flex: 1 }}>
                <Typography>{token.label}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('feeds.createdAt', { when: when(token.createdAt) })}
                  {token.lastUsedAt &&
                    ` ・ ${t('feeds.lastUsed', {
                      when: when(token.lastUsedAt),
                    })}`}
                </Typography>
              </div>
              <Button
                color="error"
                variant="outlined"
                data-testid="feed-revoke"
                onClick={() => setRevoking(token.id)}
              >
                {t('feeds.revoke')}
              </Button>
            </CardContent>
          </Card>
        ))}
      </Stack>
      <ConfirmDialog
        open={revoking !== undefined}
        title={t('feeds.revokeConfirmTitle')}
        text={t('feeds.revokeConfirm')}
        confirm={t('feeds.revoke')}
        onCancel={() => setRevoking(undefined)}
        onConfirm={async () => {
          const id = revoking;
          setRevoking(undefined);
          if (!id) return;
          try {
            await api.revokeFeedToken(id);
            if (created?.id === id) setCreated(undefined);
            toastApi.post({
              title: t('feeds.revoked'),
              status: 'success',
              timeout: TRANSIENT_TOAST_MS,
            });
          } catch (e) {
            errorApi.post(e as Error);
          }
          tokens.retry();
        }}
      />
    </GuidePage>
  );
}
