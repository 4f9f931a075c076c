import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useApiHolder, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { coreApis } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { entryHistoryRouteRef, rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { CycleChip } from '../CycleChip';
import { GuidePage } from '../GuidePage';
import { useLocalize } from '../../hooks/useGuideLanguage';

/** Catalog Groups, as `group:namespace/name` with their display names. */
function useGroups() {
  const catalogApi = useApiHolder().get(catalogApiRef);
  return useAsync(async () => {
    if (!catalogApi) return [];
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        name:
          (entity.spec as { profile?: { displayName?: string } } | undefined)
            ?.profile?.displayName ?? entity.metadata.name,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  }, [catalogApi]);
}

/**
 * Hand-over after a reorganisation (HR): entries whose owner Group left the catalog,
 * chosen and given to a new Group in one go. Each keeps the change in its history.
 */
export function HandoverPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const rootLink = useRouteRef(rootRouteRef);
  const historyLink = useRouteRef(entryHistoryRouteRef);
  const report = useAsyncRetry(() => api.getHandover(), [api]);
  const groups = useGroups();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [owner, setOwner] = useState<string | null>(null);
  const [error, setError] = useState<Error>();

  const entries = report.value?.orphans.flatMap(o => o.entries) ?? [];
  const toggle = (id: string) =>
    setSelected(s => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <GuidePage title={t('handover.title')}>
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        <Link href={rootLink()}>{t('entry.back')}</Link>
        <Typography>{t('handover.lead')}</Typography>
        {report.loading && <Progress />}
        {(report.error || error) && (
          <ResponseErrorPanel error={(report.error ?? error)!} />
        )}
        {report.value && (
          <Typography variant="caption" color="text.secondary">
            {t('handover.checkedAt', {
              when: DateTime.fromISO(report.value.checkedAt)
                .setZone('Asia/Tokyo')
                .toFormat('yyyy/MM/dd HH:mm'),
            })}
          </Typography>
        )}
        {report.value?.orphans.length === 0 && (
          <Typography data-testid="handover-none">
            {t('handover.none')}
          </Typography>
        )}
        {report.value?.orphans.map(group => (
          <Card
            variant="outlined"
            key={group.owner}
            data-testid="handover-owner"
          >
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('handover.vanished', { owner: group.owner })}
              </Typography>
              <Stack>
                {group.entries.map(entry => (
                  <Stack
                    direction="row"
                    alignItems="center"
                    spacing={1}
                    key={entry.id}
                  >
                    <FormControlLabel
                      control={
                        <Checkbox
                          checked={selected.has(entry.id)}
                          onChange={() => toggle(entry.id)}
                          inputProps={{ 'aria-label': localize(entry.title) }}
                        />
                      }
                      label={localize(entry.title)}
                    />
                    <CycleChip cycle={entry.cycle} />
                    <Link href={historyLink({ slug: entry.slug })}>
                      {entry.slug}
                    </Link>
                  </Stack>
                ))}
              </Stack>
            </CardContent>
          </Card>
        ))}
        {entries.length > 0 && (
          <Stack direction="row" spacing={1} alignItems="center">
            <Autocomplete
              sx={{ flex: 1 }}
              options={(groups.value ?? []).map(g => g.ref)}
              value={owner}
              onChange={(_e, value) => setOwner(value)}
              getOptionLabel={ref => {
                const group = groups.value?.find(g => g.ref === ref);
                return group ? `${group.name}（${ref}）` : ref;
              }}
              renderInput={params => (
                <TextField {...params} label={t('handover.newOwner')} />
              )}
            />
            <Button
              variant="contained"
              disabled={!owner || selected.size === 0}
              data-testid="handover-apply"
              onClick={async () => {
                setError(undefined);
                try {
                  const moved = await api.handOver(
                    entries
                      .filter(e => selected.has(e.id))
                      .map(e => ({
                        entry: e.id,
                        version: e.version,
                        owner: owner!,
                      })),
                  );
                  toastApi.post({
                    title: t('handover.applied', {
                      n: String(moved.length),
                    }),
                    status: 'success',
                    timeout: TRANSIENT_TOAST_MS,
                  });
                  setSelected(new Set());
                  report.retry();
                } catch (e) {
                  setError(e as Error);
                }
              }}
            >
              {t('handover.apply', { n: String(selected.size) })}
            </Button>
          </Stack>
        )}
      </Stack>
    </GuidePage>
  );
}
