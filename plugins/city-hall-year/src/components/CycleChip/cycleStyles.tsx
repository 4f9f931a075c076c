import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import EventIcon from '@mui/icons-material/Event';
import FlagIcon from '@mui/icons-material/Flag';
import GavelIcon from '@mui/icons-material/Gavel';
import PeopleIcon from '@mui/icons-material/People';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { Cycle } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';

/**
 * Colour and icon per cycle. The colours come from the Okabe–Ito palette, which stays
 * distinguishable for colour-blind readers; the icon carries the meaning as well.
 */
export const CYCLE_STYLES: Record<
  Cycle,
  { color: string; Icon: ComponentType<SvgIconProps> }
> = {
  council: { color: '#0072B2', Icon: GavelIcon },
  budget: { color: '#E69F00', Icon: AccountBalanceWalletIcon },
  settlement: { color: '#009E73', Icon: ReceiptLongIcon },
  planning: { color: '#CC79A7', Icon: FlagIcon },
  personnel: { color: '#D55E00', Icon: PeopleIcon },
  other: { color: '#7F7F7F', Icon: EventIcon },
};
