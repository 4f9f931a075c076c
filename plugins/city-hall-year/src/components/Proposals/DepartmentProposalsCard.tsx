import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { proposalsRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { ProposalList } from './ProposalList';

/** 「レビュー待ちの提案」 for a catalog Group page: the open proposals on its entries. */
export function DepartmentProposalsCard() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { entity } = useEntity();
  const api = useApi(cityHallYearApiRef);
  const proposalsLink = useRouteRef(proposalsRouteRef);
  const owner = stringifyEntityRef(entity);
  const list = useAsync(
    () => api.listProposals({ owner, status: 'open', limit: 20 }),
    [api, owner],
  );
  return (
    <InfoCard title={t('proposals.cardTitle')}>
      {list.loading && <Progress />}
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.value && (
        <Stack spacing={1} data-testid="department-proposals">
          {list.value.items.length === 0 ? (
            <Typography color="text.secondary">
              {t('proposals.cardNone')}
            </Typography>
          ) : (
            <ProposalList items={list.value.items} />
          )}
          <Link href={`${proposalsLink()}?tab=waiting`}>
            {t('proposals.cardLink')}
          </Link>
        </Stack>
      )}
    </InfoCard>
  );
}
