import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EntrySection } from './EntrySection';

describe('EntrySection', () => {
  it('is a section headed by its title, around its content', async () => {
    await renderInTestApp(
      <EntrySection title="何のために" testId="entry-purpose">
        <p>前年度の収支を確定させるためです。</p>
      </EntrySection>,
    );
    const section = screen.getByTestId('entry-purpose');
    expect(section.tagName).toBe('SECTION');
    expect(
      within(section).getByRole('heading', { level: 2, name: '何のために' }),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('前年度の収支を確定させるためです。');
  });
});
