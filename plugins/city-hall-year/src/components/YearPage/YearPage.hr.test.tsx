import { screen, within } from '@testing-library/react';
import { renderYearPage } from '../../__testUtils__/renderYearPage';

// A file of its own: usePermission remembers answers for the whole test file.
describe('YearPage for HR', () => {
  it('shows HR the hand-over and the confirmations', async () => {
    await renderYearPage({ hr: true });
    const nav = await screen.findByTestId('year-nav');
    await within(nav).findByText('Hand-over');
    expect(nav).toHaveTextContent('Confirmations');
  });
});
