import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  entryUpdatePermission,
  proposalCreatePermission,
  resolveFiscalYear,
  type Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { cityHallYearApiRef } from '../../api';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useToday } from '../../hooks/useToday';
import {
  editEntryRouteRef,
  entryHistoryRouteRef,
  proposeEntryRouteRef,
} from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * What can be done with an entry: edit it and confirm it for this fiscal year (only
 * when the permission framework allows it; the server checks again on every request),
 * and read its history.
 */
export function EntryActions(props: {
  entry: Entry;
  /** Called once the entry is confirmed, so that the page shows it as confirmed. */
  onConfirmed: () => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const editLink = useRouteRef(editEntryRouteRef);
  const historyLink = useRouteRef(entryHistoryRouteRef);
  const proposeLink = useRouteRef(proposeEntryRouteRef);
  const { allowed: canEdit } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: props.entry.id,
  });
  const { allowed: canPropose } = usePermission({
    permission: proposalCreatePermission,
    resourceRef: props.entry.id,
  });
  const fiscalYear = resolveFiscalYear(useToday());
  const run = useChangeRunner(props.onConfirmed);
  const confirm = () =>
    run(
      () => api.confirmEntry(props.entry.id, props.entry.version),
      t('editor.confirmed'),
    ).catch(() => undefined);
  return (
    <>
      {canEdit && (
        <Button
          variant="contained"
          color="primary"
          component={RouterLink}
          to={editLink({ slug: props.entry.slug })}
          data-testid="entry-edit"
        >
          {t('editor.edit')}
        </Button>
      )}
      {canEdit && props.entry.confirmedFiscalYear !== fiscalYear && (
        <Button
          variant="outlined"
          color="inherit"
          onClick={confirm}
          data-testid="entry-confirm"
        >
          {t('editor.confirm')}
        </Button>
      )}
      {/* Who may not edit proposes instead; HR may also draft for a department. */}
      {canPropose && props.entry.status === 'published' && (
        <Button
          variant={canEdit ? 'outlined' : 'contained'}
          color={canEdit ? 'inherit' : 'primary'}
          component={RouterLink}
          to={proposeLink({ slug: props.entry.slug })}
          data-testid="entry-propose-action"
        >
          {t('proposals.propose')}
        </Button>
      )}
      <Button
        variant="outlined"
        color="inherit"
        component={RouterLink}
        to={historyLink({ slug: props.entry.slug })}
      >
        {t('editor.history')}
      </Button>
    </>
  );
}
