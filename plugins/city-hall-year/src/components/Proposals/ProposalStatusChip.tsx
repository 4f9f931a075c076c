import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { ProposalStatus } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { ToneChip } from '../ToneChip';
import { cityHallYearTranslationRef } from '../../translation';

const COLORS: Record<
  ProposalStatus,
  'warning' | 'info' | 'success' | 'default'
> = {
  open: 'warning',
  changesRequested: 'info',
  accepted: 'success',
  declined: 'default',
  withdrawn: 'default',
};

/** Where a proposal stands, in words and colour (the words carry it; colour only helps). */
export function ProposalStatusChip(props: { status: ProposalStatus }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  return (
    <ToneChip
      size="small"
      tone={COLORS[props.status]}
      label={t(`proposals.statuses.${props.status}`)}
      data-testid="proposal-status"
      data-status={props.status}
    />
  );
}
