import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  editableFields,
  resolveFiscalYear,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useToday } from '../../hooks/useToday';
import { useYear } from '../../hooks/useYear';
import { proposalRouteRef } from '../../routes';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { cityHallYearTranslationRef } from '../../translation';
import { EntryForm } from '../EntryEditor';
import { GuidePage } from '../GuidePage';

/**
 * Propose a change to an entry (`/entries/:slug/propose`), or revise one's proposal
 * (`/proposals/:id/revise`): the entry's own editor, checked by the same shared
 * schema, with a reason for the department that reviews it.
 */
export function ProposalEditorPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { slug, id } = useParams();
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const localize = useLocalize();
  const proposalLink = useRouteRef(proposalRouteRef);
  const today = useToday();
  const { value: year } = useYear(resolveFiscalYear(today));
  const loaded = useAsync(async () => {
    const proposal = id ? await api.getProposal(id) : undefined;
    const entry = await api.getEntry(proposal?.entrySlug ?? slug!);
    return { entry, proposal };
  }, [api, slug, id]);
  const entry = loaded.value?.entry;
  const proposal = loaded.value?.proposal;
  const ownerNames = useOwnerNames(entry ? [entry.owner] : []);
  const ownerName = entry
    ? ownerNames.get(entry.owner) ?? shortName(entry.owner)
    : '';

  const submit = async (fields: EntryInput, reason: string) => {
    const input = {
      fields,
      // A revision keeps the version the proposal started from: what the department
      // changed since is merged on acceptance, not undone by the proposer's copy.
      basedOnVersion: proposal?.basedOnVersion ?? entry!.version,
      reason,
    };
    const sent = proposal
      ? await api.reviseProposal(proposal.id, input, proposal.version)
      : await api.createProposal(entry!.slug, input);
    toastApi.post({
      title: t(proposal ? 'proposals.revised' : 'proposals.sent', {
        owner: ownerName,
      }),
      status: 'success',
      timeout: TRANSIENT_TOAST_MS,
    });
    return proposalLink({ id: sent.id });
  };

  const title = entry
    ? t(proposal ? 'proposals.reviseTitle' : 'proposals.editorTitle', {
        title: localize(entry.title),
      })
    : t('proposals.propose');
  return (
    <GuidePage title={title}>
      {loaded.loading && <Progress />}
      {loaded.error && <ResponseErrorPanel error={loaded.error} />}
      {entry && entry.status !== 'published' && (
        <Alert severity="info">{t('proposals.onlyPublished')}</Alert>
      )}
      {entry && entry.status === 'published' && (
        <>
          <Typography sx={{ mb: 2 }}>
            {t('proposals.editorLead', { owner: ownerName })}
          </Typography>
          <EntryForm
            entry={entry}
            groups={[]}
            year={year}
            proposal={{
              // The proposer's own text when revising, over the entry's slug, owner
              // and status as they are now.
              initialFields: proposal
                ? {
                    ...proposal.fields,
                    slug: entry.slug,
                    owner: entry.owner,
                    status: entry.status,
                  }
                : editableFields(entry),
              initialReason: proposal?.reason,
              ownerName,
              submit,
            }}
          />
        </>
      )}
    </GuidePage>
  );
}
