import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/ui';
import {
  IDEA_STATUSES,
  type Idea,
  type IdeaStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { GuidePage } from '../GuidePage';
import { IdeaCard } from './IdeaCard';
import { IdeaStatusDialog } from './IdeaDialogs';

/**
 * The process-review ideas of the whole city hall (`/city-hall-year/ideas`), for the
 * review office above all: how many each department received in each status, the
 * ideas themselves filtered by department (`?owner=`) and status (`?status=`), their
 * answers, and the same list as CSV.
 */
export function IdeasPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const errorApi = useApi(coreApis.error);
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const askedStatus = params.get('status') as IdeaStatus | null;
  const status =
    askedStatus && IDEA_STATUSES.includes(askedStatus) ? askedStatus : '';
  const query = {
    ...(owner ? { owner } : {}),
    ...(status ? { status } : {}),
    limit: 500,
  };
  const list = useAsyncRetry(() => api.listIdeas(query), [api, owner, status]);
  const run = useChangeRunner(list.retry);
  const [answering, setAnswering] = useState<Idea>();
  const byOwner = list.value?.byOwner ?? [];
  const ownerNames = useOwnerNames([
    ...byOwner.map(o => o.owner),
    ...(owner ? [owner] : []),
  ]);
  const nameOf = (ref: string) => ownerNames.get(ref) ?? shortName(ref);
  const items = list.value?.items ?? [];
  const actorName = useActorNames(
    items.flatMap(i => [i.author, i.answeredBy].filter(Boolean) as string[]),
  );
  const choose = (key: 'owner' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const download = async () => {
    try {
      const blob = await api.exportIdeas(query);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `city-hall-year-ideas${
        owner ? `-${shortName(owner)}` : ''
      }${status ? `-${status}` : ''}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      errorApi.post(error as Error);
    }
  };

  return (
    <GuidePage
      title={t('ideas.listTitle')}
      subtitle={t('ideas.listSubtitle')}
      actions={
        <Button
          variant="outlined"
          color="inherit"
          onClick={download}
          data-testid="ideas-csv"
        >
          {t('ideas.exportCsv')}
        </Button>
      }
    >
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label={t('ideas.filterOwner')}
            value={owner}
            onChange={e => choose('owner', e.target.value)}
            sx={{ minWidth: 220 }}
            inputProps={{ 'data-testid': 'ideas-owner' }}
          >
            <MenuItem value="">{t('ideas.allStatuses')}</MenuItem>
            {[
              ...new Set([
                ...byOwner.map(o => o.owner),
                ...(owner ? [owner] : []),
              ]),
            ].map(ref => (
              <MenuItem key={ref} value={ref}>
                {nameOf(ref)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('ideas.filterStatus')}
            value={status}
            onChange={e => choose('status', e.target.value)}
            sx={{ minWidth: 180 }}
            inputProps={{ 'data-testid': 'ideas-status' }}
          >
            <MenuItem value="">{t('ideas.allStatuses')}</MenuItem>
            {IDEA_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {t(`ideas.statuses.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {list.loading && !list.value && <Progress />}
        {list.error && <ResponseErrorPanel error={list.error} />}
        {byOwner.length > 0 && (
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('ideas.byDepartment')}
              </Typography>
              <TableContainer>
                <Table size="small" data-testid="ideas-counts">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('ideas.department')}</TableCell>
                      {IDEA_STATUSES.map(s => (
                        <TableCell key={s} align="right">
                          {t(`ideas.statuses.${s}`)}
                        </TableCell>
                      ))}
                      <TableCell align="right">{t('ideas.total')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {byOwner.map(row => (
                      <TableRow key={row.owner}>
                        <TableCell component="th" scope="row">
                          {nameOf(row.owner)}
                        </TableCell>
                        {IDEA_STATUSES.map(s => (
                          <TableCell key={s} align="right">
                            {row.counts[s]}
                          </TableCell>
                        ))}
                        <TableCell align="right">
                          {Object.values(row.counts).reduce((a, b) => a + b, 0)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </CardContent>
          </Card>
        )}
        {list.value && (
          <Card variant="outlined">
            <CardContent>
              <Stack spacing={1.5} data-testid="ideas-list">
                {items.length === 0 && (
                  <Typography color="text.secondary">
                    {t('ideas.listNone')}
                  </Typography>
                )}
                {items.map(idea => (
                  <IdeaCard
                    key={idea.id}
                    idea={idea}
                    actorName={actorName}
                    onAnswer={() => setAnswering(idea)}
                    heading={
                      <Typography variant="subtitle1" component="h3">
                        <Link
                          href={`${entryLink({ slug: idea.entrySlug })}#idea-${
                            idea.id
                          }`}
                        >
                          {localize(idea.entryTitle)}
                        </Link>
                        {` ・ ${nameOf(idea.owner)}`}
                      </Typography>
                    }
                  />
                ))}
              </Stack>
            </CardContent>
          </Card>
        )}
      </Stack>
      {answering && (
        <IdeaStatusDialog
          idea={answering}
          onCancel={() => setAnswering(undefined)}
          onSubmit={async (next, answer) => {
            await run(
              () =>
                api.setIdeaStatus(answering.id, {
                  status: next,
                  answer,
                  version: answering.version,
                }),
              t('ideas.answered'),
            );
            setAnswering(undefined);
          }}
        />
      )}
    </GuidePage>
  );
}
