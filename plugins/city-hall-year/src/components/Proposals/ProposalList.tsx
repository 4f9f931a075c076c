import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { Proposal } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useActorNames } from '../../hooks/useActorNames';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { proposalRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { WrappingRow } from '../WrappingRow';
import { ProposalStatusChip } from './ProposalStatusChip';

/**
 * Proposals as a list: where each stands, on which entry (unless the list is one
 * entry's), who proposed it and when, the start of the reason; each opens its page.
 */
export function ProposalList(props: {
  items: Proposal[];
  /** Leave out the entry's title and department (the list of one entry). */
  oneEntry?: boolean;
  testId?: string;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const language = useGuideLanguage();
  const proposalLink = useRouteRef(proposalRouteRef);
  const actorName = useActorNames(props.items.map(p => p.proposedBy));
  const ownerNames = useOwnerNames(
    props.oneEntry ? [] : [...new Set(props.items.map(p => p.owner))],
  );
  const when = (iso: string) =>
    DateTime.fromISO(iso)
      .setZone('Asia/Tokyo')
      .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
      .toLocaleString(DateTime.DATETIME_MED);
  return (
    <List dense disablePadding data-testid={props.testId}>
      {props.items.map(p => (
        <ListItem
          key={p.id}
          disableGutters
          divider
          data-testid={`proposal-${p.id}`}
        >
          <Stack spacing={0.5} sx={{ width: '100%' }}>
            <WrappingRow spacing={1} alignItems="center">
              <ProposalStatusChip status={p.status} />
              <Link href={proposalLink({ id: p.id })}>
                {props.oneEntry
                  ? t('proposals.proposedBy', {
                      who: actorName(p.proposedBy),
                      when: when(p.createdAt),
                    })
                  : localize(p.entryTitle)}
              </Link>
              {!props.oneEntry && (
                <Typography variant="body2" color="text.secondary">
                  {`${ownerNames.get(p.owner) ?? shortName(p.owner)} ・ ${t(
                    'proposals.proposedBy',
                    { who: actorName(p.proposedBy), when: when(p.createdAt) },
                  )}`}
                </Typography>
              )}
            </WrappingRow>
            <Typography
              variant="body2"
              lang="ja"
              sx={{
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
              }}
            >
              {p.reason}
            </Typography>
          </Stack>
        </ListItem>
      ))}
    </List>
  );
}
