import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { resolveFiscalYear } from '@internal/plugin-city-hall-year-common';
import Typography from '@mui/material/Typography';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useToday } from '../../hooks/useToday';
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

  const title = loaded.value?.entry
    ? t('editor.editTitle', { title: loaded.value.entry.title.ja })
    : t('editor.newTitle');
  return (
    <GuidePage title={title}>
      {loaded.loading && <Progress />}
      {loaded.error && <ResponseErrorPanel error={loaded.error} />}
      {loaded.value && (
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
