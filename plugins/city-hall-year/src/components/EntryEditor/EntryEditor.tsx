import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Link } from '@backstage/ui';
import {
  entryUpdatePermission,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { useToday } from '../../hooks/useToday';
import { entryRouteRef } from '../../routes';
import { useYear } from '../../hooks/useYear';
import { cityHallYearTranslationRef } from '../../translation';
import { GuidePage } from '../GuidePage';
import { EntryForm } from './EntryForm';

/** Create (`/new`) or edit (`/entries/:slug/edit`) an entry; the server decides who may. */
export function EntryEditorPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { slug } = useParams();
  const api = useApi(cityHallYearApiRef);
  const identityApi = useApi(coreApis.identity);
  const today = useToday();
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const { value: year } = useYear(resolveFiscalYear(today));
  const loaded = useAsync(async () => {
    const [entry, identity] = await Promise.all([
      slug ? api.getEntry(slug) : Promise.resolve(undefined),
      identityApi.getBackstageIdentity(),
    ]);
    const groups = identity.ownershipEntityRefs.filter(ref =>
      ref.startsWith('group:'),
    );
    return { entry, groups };
  }, [api, identityApi, slug]);

  const entry = loaded.value?.entry;
  const permission = usePermission({
    permission: entryUpdatePermission,
    resourceRef: entry?.id,
  });
  const ownerNames = useOwnerNames(entry ? [entry.owner] : []);
  const refused = Boolean(entry) && !permission.loading && !permission.allowed;
  const title = loaded.value?.entry
    ? t('editor.editTitle', { title: localize(loaded.value.entry.title) })
    : t('editor.newTitle');
  return (
    <GuidePage title={title}>
      {loaded.loading && <Progress />}
      {loaded.error && <ResponseErrorPanel error={loaded.error} />}
      {refused && entry && (
        // Said before anyone types, not after a save fails.
        <Alert severity="info" data-testid="editor-not-allowed">
          <AlertTitle>{t('editor.notAllowedTitle')}</AlertTitle>
          <Typography gutterBottom>
            {t('editor.notAllowed', {
              owner: ownerNames.get(entry.owner) ?? shortName(entry.owner),
            })}
          </Typography>
          <Typography gutterBottom>
            {t('editor.notAllowedHint', {
              owner: ownerNames.get(entry.owner) ?? shortName(entry.owner),
            })}
          </Typography>
          <Link href={`${entryLink({ slug: entry.slug })}#questions`}>
            {t('entry.back')}
          </Link>
        </Alert>
      )}
      {loaded.value &&
        (!entry || (!permission.loading && permission.allowed)) && (
          <EntryForm
            entry={loaded.value.entry}
            groups={loaded.value.groups}
            year={year}
          />
        )}
      {!loaded.loading && !loaded.value && !loaded.error && (
        <Typography>{t('entry.notFound')}</Typography>
      )}
    </GuidePage>
  );
}
