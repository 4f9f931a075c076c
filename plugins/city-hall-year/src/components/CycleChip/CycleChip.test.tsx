import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CycleChip } from './CycleChip';

describe('CycleChip', () => {
  it.each([
    ['council', 'Council', 'GavelIcon'],
    ['budget', 'Budget', 'AccountBalanceWalletIcon'],
    ['settlement', 'Settlement', 'ReceiptLongIcon'],
    ['personnel', 'Personnel', 'PeopleIcon'],
  ] as const)(
    'names the %s cycle and shows its icon',
    async (cycle, name, icon) => {
      await renderInTestApp(<CycleChip cycle={cycle} />);
      expect(screen.getByText(name)).toBeInTheDocument();
      expect(screen.getByTestId(icon)).toBeInTheDocument();
    },
  );
});
