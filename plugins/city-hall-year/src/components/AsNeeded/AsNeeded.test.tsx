import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { fakeYear } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { AsNeeded } from './AsNeeded';

const mountedRoutes = { '/city-hall-year': rootRouteRef };

describe('AsNeeded', () => {
  it('lists each step held as needed with its cycle, a link to its entry and its summary', async () => {
    await renderInTestApp(<AsNeeded items={fakeYear(2026).asNeeded} />, {
      mountedRoutes,
    });
    const list = screen.getByTestId('as-needed');
    expect(
      within(list).getByRole('heading', { name: 'As needed' }),
    ).toBeInTheDocument();
    expect(
      within(list).getByRole('link', { name: 'Extraordinary session' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/rinjikai');
    expect(within(list).getByText('Council')).toBeInTheDocument();
    expect(
      within(list).getByText('必要に応じて招集されます。'),
    ).toBeInTheDocument();
  });

  it('shows nothing when no step is held as needed', async () => {
    await renderInTestApp(<AsNeeded items={[]} />, { mountedRoutes });
    expect(screen.queryByTestId('as-needed')).toBeNull();
    expect(screen.queryByText('As needed')).toBeNull();
  });
});
