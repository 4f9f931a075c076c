import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BilingualText } from './BilingualText';

describe('BilingualText', () => {
  it('renders the Japanese, then the English, each as Markdown in its language', async () => {
    await renderInTestApp(
      <BilingualText
        text={{ ja: '収支を**確定**させます。', en: 'To **fix** the figures.' }}
      />,
    );
    const ja = await screen.findByText('確定');
    expect(ja.tagName).toBe('STRONG');
    expect(ja.closest('[lang]')).toHaveAttribute('lang', 'ja');
    const en = await screen.findByText('fix');
    expect(en.tagName).toBe('STRONG');
    expect(en.closest('[lang]')).toHaveAttribute('lang', 'en');
    expect(
      ja.compareDocumentPosition(en) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('renders only the Japanese when there is no English', async () => {
    const { container } = await renderInTestApp(
      <BilingualText text={{ ja: '会計課が締め切ります。' }} />,
    );
    expect(
      await screen.findByText('会計課が締め切ります。'),
    ).toBeInTheDocument();
    expect(container.querySelector('[lang="en"]')).toBeNull();
  });
});
