import { fireEvent, screen, waitFor, within } from '@testing-library/react';

/** Opens a select by its test id and picks the option of that name, as a person would. */
export async function choose(testId: string, option: string) {
  fireEvent.mouseDown(screen.getByTestId(testId));
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
  await waitFor(() =>
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
  );
}
