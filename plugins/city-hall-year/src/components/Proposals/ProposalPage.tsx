import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import {
  defaultMergeChoices,
  editableFields,
  isProposalPending,
  type Entry,
  type EntryInput,
  type Proposal,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useFieldLabel } from '../../hooks/useFieldLabel';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import {
  entryHistoryRouteRef,
  entryRouteRef,
  reviseProposalRouteRef,
} from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { ConfirmDialog } from '../ConfirmDialog';
import { MergeDialog } from '../EntryEditor';
import { FieldsDiff } from '../FieldsDiff';
import { GuidePage } from '../GuidePage';
import { WrappingRow } from '../WrappingRow';
import { ProposalStatusChip } from './ProposalStatusChip';

type Review = 'decline' | 'request-changes';

/** The proposal's fields over the entry as it is now: what accepting as proposed writes. */
function proposedOver(proposal: Proposal, entry: Entry): EntryInput {
  const merged: Record<string, unknown> = { ...editableFields(entry) };
  for (const field of proposal.changedFields) {
    merged[field] = proposal.fields[field];
  }
  return merged as EntryInput;
}

/**
 * One change proposal (`/proposals/:id`): the reason, the difference against the
 * version it started from (word by word, in each language), what changed in the
 * entry since, its steps; and for the owners accept, ask for changes and decline, for
 * the proposer revise and withdraw.
 */
export function ProposalPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { id } = useParams();
  const api = useApi(cityHallYearApiRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const fieldLabel = useFieldLabel();
  const entryLink = useRouteRef(entryRouteRef);
  const historyLink = useRouteRef(entryHistoryRouteRef);
  const reviseLink = useRouteRef(reviseProposalRouteRef);
  const state = useAsyncRetry(() => api.getProposal(id!), [api, id]);
  const run = useChangeRunner(state.retry);
  const proposal = state.value;
  const [review, setReview] = useState<Review>();
  const [comment, setComment] = useState('');
  const [commentTouched, setCommentTouched] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [merging, setMerging] = useState<Entry>();
  const [busy, setBusy] = useState(false);
  const actorName = useActorNames([
    ...(proposal
      ? [proposal.proposedBy, ...proposal.events.map(e => e.actor)]
      : []),
    ...(merging ? [merging.updatedBy] : []),
  ]);
  const ownerNames = useOwnerNames(proposal ? [proposal.owner] : []);

  if (state.loading && !proposal) return <Progress />;
  if (state.error || !proposal) {
    return (
      <ResponseErrorPanel error={state.error ?? new Error('no proposal')} />
    );
  }
  const owner = ownerNames.get(proposal.owner) ?? shortName(proposal.owner);
  const when = (iso: string) =>
    DateTime.fromISO(iso)
      .setZone('Asia/Tokyo')
      .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
      .toLocaleString(DateTime.DATETIME_MED);
  const pending = isProposalPending(proposal.status);
  const busyWith = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run(change, done);
    } catch {
      // Shown by the runner; the page keeps what was typed.
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (proposal.conflicts.length === 0) {
      await busyWith(
        () => api.acceptProposal(proposal.id, proposal.version),
        t('proposals.accepted', {
          version: String(proposal.entryVersion + 1),
        }),
      );
      return;
    }
    setMerging(await api.getEntry(proposal.entrySlug));
  };

  const sendReview = async () => {
    setCommentTouched(true);
    if (!review || !comment.trim()) return;
    await busyWith(
      () =>
        api.reviewProposal(
          proposal.id,
          review,
          comment.trim(),
          proposal.version,
        ),
      t('proposals.reviewed'),
    );
    setReview(undefined);
    setComment('');
    setCommentTouched(false);
  };

  const actions = (
    <>
      {proposal.abilities.review && (
        <>
          <Button
            variant="contained"
            disabled={busy}
            onClick={accept}
            data-testid="proposal-accept"
          >
            {t('proposals.accept')}
          </Button>
          {proposal.status === 'open' && (
            <Button
              variant="outlined"
              color="inherit"
              disabled={busy}
              onClick={() => setReview('request-changes')}
              data-testid="proposal-request-changes"
            >
              {t('proposals.requestChanges')}
            </Button>
          )}
          <Button
            variant="outlined"
            color="inherit"
            disabled={busy}
            onClick={() => setReview('decline')}
            data-testid="proposal-decline"
          >
            {t('proposals.decline')}
          </Button>
        </>
      )}
      {proposal.abilities.revise && (
        <>
          <Button
            variant="outlined"
            color="inherit"
            component={RouterLink}
            to={reviseLink({ id: proposal.id })}
            data-testid="proposal-revise"
          >
            {t('proposals.revise')}
          </Button>
          <Button
            variant="outlined"
            color="inherit"
            disabled={busy}
            onClick={() => setWithdrawing(true)}
            data-testid="proposal-withdraw"
          >
            {t('proposals.withdraw')}
          </Button>
        </>
      )}
    </>
  );

  return (
    <GuidePage
      title={t('proposals.pageTitle', { title: localize(proposal.entryTitle) })}
      actions={actions}
    >
      <Stack spacing={2} useFlexGap data-testid="proposal-page">
        <WrappingRow spacing={1} alignItems="center">
          <ProposalStatusChip status={proposal.status} />
          <Link href={entryLink({ slug: proposal.entrySlug })}>
            {t('proposals.toEntry')}
          </Link>
          {proposal.acceptedRevision && (
            <Link href={historyLink({ slug: proposal.entrySlug })}>
              {t('proposals.toHistory')}
            </Link>
          )}
          <Typography variant="body2" color="text.secondary">
            {`${owner} ・ ${t('proposals.proposedBy', {
              who: actorName(proposal.proposedBy),
              when: when(proposal.createdAt),
            })}`}
          </Typography>
        </WrappingRow>
        <Card variant="outlined" component="section">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {t('proposals.reasonHeading')}
            </Typography>
            <Typography
              lang="ja"
              sx={{ whiteSpace: 'pre-wrap' }}
              data-testid="proposal-reason-text"
            >
              {proposal.reason}
            </Typography>
          </CardContent>
        </Card>
        {pending && proposal.entryVersion > proposal.basedOnVersion && (
          <Alert severity="info" data-testid="proposal-changed-since">
            {t('proposals.changedSince', {
              from: String(proposal.basedOnVersion),
              to: String(proposal.entryVersion),
            })}
          </Alert>
        )}
        {proposal.conflicts.length > 0 && (
          <Alert severity="warning" data-testid="proposal-conflicts">
            {t('proposals.conflicts', {
              fields: proposal.conflicts.map(fieldLabel).join('、'),
            })}
          </Alert>
        )}
        <Card variant="outlined" component="section">
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('proposals.changes')}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {t('proposals.changesAgainst', {
                version: String(proposal.basedOnVersion),
              })}
            </Typography>
            <Stack spacing={2}>
              <FieldsDiff
                before={proposal.base}
                after={proposal.fields}
                fields={proposal.changedFields}
                testIdPrefix="proposal-diff"
              />
            </Stack>
          </CardContent>
        </Card>
        <Card variant="outlined" component="section">
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('proposals.steps')}
            </Typography>
            <List dense data-testid="proposal-steps">
              {proposal.events.map((event, i) => (
                <ListItem key={i} disableGutters divider>
                  <ListItemText
                    primary={`${t(
                      `proposals.events.${event.kind}`,
                    )} — ${actorName(event.actor)}、${when(event.at)}`}
                    secondary={
                      event.comment && event.kind !== 'proposed'
                        ? event.comment
                        : undefined
                    }
                    secondaryTypographyProps={{
                      lang: 'ja',
                      sx: { whiteSpace: 'pre-wrap' },
                    }}
                  />
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>
      </Stack>

      <Dialog
        open={Boolean(review)}
        onClose={() => setReview(undefined)}
        fullWidth
        maxWidth="sm"
        aria-labelledby="proposal-review-title"
      >
        <DialogTitle id="proposal-review-title">
          {review === 'decline'
            ? t('proposals.decline')
            : t('proposals.requestChanges')}
        </DialogTitle>
        <DialogContent>
          <TextField
            fullWidth
            multiline
            minRows={3}
            required
            margin="dense"
            label={
              review === 'decline'
                ? t('proposals.declineLabel')
                : t('proposals.commentLabel')
            }
            value={comment}
            error={commentTouched && !comment.trim()}
            helperText={
              commentTouched && !comment.trim()
                ? t('proposals.commentRequired')
                : undefined
            }
            onChange={e => setComment(e.target.value)}
            inputProps={{ lang: 'ja', 'data-testid': 'proposal-comment' }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReview(undefined)}>
            {t('proposals.cancel')}
          </Button>
          <Button
            variant="contained"
            disabled={busy}
            onClick={sendReview}
            data-testid="proposal-comment-send"
          >
            {t('proposals.send2')}
          </Button>
        </DialogActions>
      </Dialog>

      <ConfirmDialog
        open={withdrawing}
        title={t('proposals.withdraw')}
        text={t('proposals.withdrawConfirm')}
        confirm={t('proposals.withdraw')}
        onCancel={() => setWithdrawing(false)}
        onConfirm={() => {
          setWithdrawing(false);
          busyWith(
            () => api.withdrawProposal(proposal.id, proposal.version),
            t('proposals.withdrawnDone'),
          );
        }}
      />

      {merging && (
        <MergeDialog
          mine={proposedOver(proposal, merging)}
          theirs={merging}
          initial={defaultMergeChoices(
            proposal.base,
            proposedOver(proposal, merging),
            editableFields(merging),
          )}
          labels={{
            title: t('proposals.mergeTitle'),
            help: t('proposals.mergeHelp'),
            mine: t('proposals.mergeMine', {
              who: actorName(proposal.proposedBy),
            }),
            theirs: t('proposals.mergeTheirs', {
              who: actorName(merging.updatedBy),
            }),
            keepMine: t('proposals.mergeKeepMine'),
            keepTheirs: t('proposals.mergeKeepTheirs'),
            save: t('proposals.mergeSave'),
          }}
          onCancel={() => setMerging(undefined)}
          onMerge={merged => {
            const entry = merging;
            setMerging(undefined);
            busyWith(
              () =>
                api.acceptProposal(proposal.id, proposal.version, {
                  fields: merged,
                  entryVersion: entry.version,
                }),
              t('proposals.accepted', { version: String(entry.version + 1) }),
            );
          }}
        />
      )}
    </GuidePage>
  );
}
