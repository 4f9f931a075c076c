import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { cityHallYearTranslationRef } from '../../translation';
import { GuidePage } from '../GuidePage';
import { ProposalList } from './ProposalList';

const TABS = ['waiting', 'mine', 'all'] as const;
type TabName = (typeof TABS)[number];

/**
 * Change proposals across the city (`/proposals`): those waiting for the caller's
 * review (of the departments they belong to; every department for HR), their own
 * proposals and where each stands, and all of them. The tab is in the address.
 */
export function ProposalsPage() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as TabName | null;
  const tab: TabName = asked && TABS.includes(asked) ? asked : 'waiting';
  const list = useAsync(async () => {
    if (tab === 'waiting') {
      const page = await api.listProposals({ status: 'open', limit: 200 });
      // What the server says the caller may review: their departments', or all for HR.
      return page.items.filter(p => p.abilities.review);
    }
    const page = await api.listProposals(
      tab === 'mine' ? { mine: 'true', limit: 200 } : { limit: 200 },
    );
    return page.items;
  }, [api, tab]);
  return (
    <GuidePage
      title={t('proposals.listTitle')}
      subtitle={t('proposals.listSubtitle')}
    >
      <Tabs
        value={tab}
        onChange={(_e, value: TabName) => setParams({ tab: value })}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={t('proposals.listTitle')}
      >
        {TABS.map(name => (
          <Tab
            key={name}
            value={name}
            label={t(`proposals.${name}`)}
            data-testid={`proposals-tab-${name}`}
          />
        ))}
      </Tabs>
      <Card variant="outlined" sx={{ mt: 2 }}>
        <CardContent>
          {list.loading && <Progress />}
          {list.error && <ResponseErrorPanel error={list.error} />}
          {list.value && list.value.length === 0 && (
            <Typography color="text.secondary" data-testid="proposals-none">
              {t(`proposals.${tab}None`)}
            </Typography>
          )}
          {list.value && list.value.length > 0 && (
            <ProposalList items={list.value} testId="proposals-list" />
          )}
        </CardContent>
      </Card>
    </GuidePage>
  );
}
