import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { ChangesSince as Changes } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { useFieldLabel } from '../../hooks/useFieldLabel';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { useLocalize } from '../../hooks/useGuideLanguage';

/**
 * What others changed since the reader last looked. A first visit is remembered
 * silently; afterwards the reader marks the changes as seen when done with them.
 */
export function useChangesSince() {
  const api = useApi(cityHallYearApiRef);
  const state = useAsyncRetry(() => api.getChangesSince(), [api]);
  const firstVisit = state.value && !state.value.lastSeenAt;
  useEffect(() => {
    if (firstVisit) api.markSeen().catch(() => {});
  }, [api, firstVisit]);
  return {
    value: state.value,
    markSeen: async () => {
      await api.markSeen();
      state.retry();
    },
  };
}

/** The "changed since you last looked" banner of the year page. */
export function ChangesSinceBanner(props: {
  changes: Changes;
  onMarkSeen: () => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const [open, setOpen] = useState(false);
  const names = useOwnerNames(props.changes.changes.map(c => c.owner));
  const actorName = useActorNames(
    props.changes.changes.flatMap(c => c.changedBy),
  );
  const fieldLabel = useFieldLabel();
  const { lastSeenAt, changes } = props.changes;
  if (!lastSeenAt || changes.length === 0) return null;
  const when = DateTime.fromISO(lastSeenAt)
    .setZone('Asia/Tokyo')
    .toFormat('yyyy/MM/dd HH:mm');
  return (
    <Alert
      severity="info"
      data-testid="changes-since"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={() => setOpen(o => !o)}>
            {open ? t('changes.hide') : t('changes.show')}
          </Button>
          <Button
            color="inherit"
            size="small"
            variant="outlined"
            onClick={props.onMarkSeen}
            data-testid="changes-mark-seen"
          >
            {t('changes.markSeen')}
          </Button>
        </Stack>
      }
    >
      <Typography fontWeight="bold">{t('changes.title', { when })}</Typography>
      <Typography variant="body2">
        {t('changes.count', { n: String(changes.length) })}
      </Typography>
      {open && (
        <Stack component="ul" spacing={0.5} sx={{ pl: 2, mt: 1, mb: 0 }}>
          {changes.map(change => (
            <li key={change.entryId} data-testid={`change-${change.slug}`}>
              {change.actions.includes('delete') ? (
                <span>
                  {localize(change.title)}（{t('changes.deleted')}）
                </span>
              ) : (
                <Link href={entryLink({ slug: change.slug })}>
                  {localize(change.title)}
                </Link>
              )}
              {' — '}
              {names.get(change.owner) ?? shortName(change.owner)}
              {' ・ '}
              {t('changes.fields', {
                fields: change.changedFields
                  .map(f => fieldLabel(f))
                  .join(t('changes.separator')),
              })}
              {' ・ '}
              {t('changes.by', {
                who: change.changedBy
                  .map(actorName)
                  .join(t('changes.separator')),
              })}
            </li>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
