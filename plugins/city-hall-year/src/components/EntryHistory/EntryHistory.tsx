import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Link } from '@backstage/ui';
import {
  entryUpdatePermission,
  type EntryRevision,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { useFieldLabel } from '../../hooks/useFieldLabel';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { FieldsDiff, type EntryState } from '../FieldsDiff';
import { GuidePage } from '../GuidePage';

/**
 * The changed fields of a revision against the version before, each read as a person
 * says it (the timing in words, departments and entries by name) with what went
 * struck through and what came underlined.
 */
function RevisionDiff(props: {
  entryId: string;
  revision: number;
  fields: string[];
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const { value, loading } = useAsync(async () => {
    const after = await api.getRevision(props.entryId, props.revision);
    const before =
      props.revision > 1
        ? await api.getRevision(props.entryId, props.revision - 1)
        : undefined;
    return { after, before };
  }, [api, props.entryId, props.revision]);
  const fieldsOf = (revision: EntryRevision | undefined) =>
    revision?.entry as unknown as EntryState | undefined;
  if (loading || !value) return <Progress />;
  return (
    <Stack spacing={2} data-testid="revision-diff">
      <Typography variant="subtitle2">{t('historyPage.diff')}</Typography>
      <FieldsDiff
        before={fieldsOf(value.before)}
        after={fieldsOf(value.after)}
        fields={props.fields}
        testIdPrefix="revision-diff"
      />
    </Stack>
  );
}

/**
 * The changed fields a person reads: the permalink never changes (it is set once, when
 * the entry is created, and is the page's own address), so it is left out.
 */
function withoutPermalink(fields: string[]): string[] {
  return fields.filter(field => field !== 'slug');
}

/** Every saved state of an entry: who changed what and when, the differences, and restore. */
export function EntryHistoryPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const { slug = '' } = useParams();
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  const entryLink = useRouteRef(entryRouteRef);
  const [selected, setSelected] = useState<number>();
  const state = useAsyncRetry(async () => {
    const entry = await api.getEntry(slug);
    return { entry, revisions: await api.listRevisions(entry.id) };
  }, [api, slug]);
  const { allowed: canRestore } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: state.value?.entry.id,
  });
  const fieldLabel = useFieldLabel();
  const language = useGuideLanguage();
  const actorName = useActorNames(
    (state.value?.revisions ?? []).flatMap(r =>
      r.proposedBy ? [r.createdBy, r.proposedBy] : [r.createdBy],
    ),
  );

  if (state.loading && !state.value) return <Progress />;
  if (state.error || !state.value)
    return (
      <ResponseErrorPanel
        error={state.error ?? new Error(t('entry.notFound'))}
      />
    );
  const { entry, revisions } = state.value;
  const current = revisions.find(
    r => r.revision === (selected ?? revisions[0]?.revision),
  );

  return (
    <GuidePage title={t('historyPage.title', { title: localize(entry.title) })}>
      {/* Gaps rather than margins, so that the grid inside keeps its own. */}
      <Stack spacing={2} useFlexGap>
        <Link href={entryLink({ slug: entry.slug })}>
          {localize(entry.title)}
        </Link>
        <Grid container spacing={2}>
          <Grid item xs={12} md={4}>
            <Card variant="outlined">
              <List dense data-testid="revision-list">
                {revisions.map(r => (
                  <ListItem key={r.revision} disablePadding>
                    <ListItemButton
                      selected={r.revision === current?.revision}
                      aria-current={
                        r.revision === current?.revision ? 'true' : undefined
                      }
                      onClick={() => setSelected(r.revision)}
                    >
                      <ListItemText
                        primary={`${t('historyPage.revision', {
                          revision: String(r.revision),
                        })} — ${t(`historyPage.actions.${r.action}`)}`}
                        secondary={`${t(
                          r.proposedBy
                            ? 'historyPage.byProposal'
                            : 'historyPage.by',
                          {
                            who: actorName(r.createdBy),
                            proposer: r.proposedBy
                              ? actorName(r.proposedBy)
                              : '',
                            when: DateTime.fromISO(r.createdAt)
                              .setZone('Asia/Tokyo')
                              .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
                              .toLocaleString(DateTime.DATETIME_MED),
                          },
                        )} ・ ${t('historyPage.changed', {
                          fields: withoutPermalink(r.changedFields)
                            .map(fieldLabel)
                            .join('、'),
                        })}`}
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Card>
          </Grid>
          <Grid item xs={12} md={8}>
            {current && (
              <Card variant="outlined">
                <CardContent>
                  <Stack spacing={2}>
                    <RevisionDiff
                      entryId={entry.id}
                      revision={current.revision}
                      fields={withoutPermalink(current.changedFields)}
                    />
                    {canRestore && current.revision !== entry.version && (
                      <Button
                        variant="outlined"
                        sx={{ alignSelf: 'flex-start' }}
                        onClick={async () => {
                          try {
                            const restored = await api.restoreRevision(
                              entry.id,
                              current.revision,
                              entry.version,
                            );
                            toastApi.post({
                              title: t('historyPage.restored', {
                                revision: String(current.revision),
                                version: String(restored.version),
                              }),
                              status: 'success',
                            });
                            setSelected(undefined);
                            state.retry();
                          } catch (error) {
                            errorApi.post(error as Error);
                          }
                        }}
                      >
                        {t('historyPage.restore')}
                      </Button>
                    )}
                  </Stack>
                </CardContent>
              </Card>
            )}
          </Grid>
        </Grid>
      </Stack>
    </GuidePage>
  );
}
