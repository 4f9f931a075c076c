import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { WrappingRow } from './WrappingRow';

describe('WrappingRow', () => {
  it('lays its items out in a row that wraps, as the element asked for', async () => {
    await renderInTestApp(
      <WrappingRow spacing={1} component="nav" data-testid="row">
        <a href="/one">one</a>
        <a href="/two">two</a>
      </WrappingRow>,
    );
    const row = screen.getByTestId('row');
    expect(row.tagName).toBe('NAV');
    expect(row).toHaveStyle({ display: 'flex', flexWrap: 'wrap' });
    expect(row.children).toHaveLength(2);
  });
});
