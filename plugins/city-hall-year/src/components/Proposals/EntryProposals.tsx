import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { proposeEntryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { ProposalList } from './ProposalList';

/**
 * The change proposals of an entry, on its page (#proposals): how to propose one,
 * and every proposal with where it stands. Drafts take none.
 */
export function EntryProposals(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const proposeLink = useRouteRef(proposeEntryRouteRef);
  const { entry } = props;
  const list = useAsync(
    () => api.listEntryProposals(entry.slug),
    [api, entry.slug, entry.version],
  );
  if (entry.status !== 'published') return null;
  const items = list.value?.items ?? [];
  return (
    <EntrySection
      title={t('proposals.title')}
      id="proposals"
      testId="entry-proposals"
    >
      <Stack spacing={1}>
        <Typography variant="body2">{t('proposals.lead')}</Typography>
        {list.value?.abilities?.propose && (
          <div>
            <Button
              variant="outlined"
              component={RouterLink}
              to={proposeLink({ slug: entry.slug })}
              data-testid="entry-propose"
            >
              {t('proposals.propose')}
            </Button>
          </div>
        )}
        {list.value && items.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('proposals.none')}
          </Typography>
        )}
        {items.length > 0 && (
          <ProposalList items={items} oneEntry testId="entry-proposal-list" />
        )}
      </Stack>
    </EntrySection>
  );
}
