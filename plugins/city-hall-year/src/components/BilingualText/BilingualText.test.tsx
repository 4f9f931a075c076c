import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { BilingualText, ContentLanguageSwitch } from './BilingualText';

const text = { ja: '収支を**確定**させます。', en: 'To **fix** the figures.' };

describe('BilingualText', () => {
  afterEach(() => window.localStorage.clear());

  it('shows the text in the reader’s language only, as Markdown', async () => {
    await renderInTestApp(<BilingualText text={text} />);
    const en = await screen.findByText('fix');
    expect(en.tagName).toBe('STRONG');
    expect(en.closest('[lang]')).toHaveAttribute('lang', 'en');
    expect(screen.queryByText('確定')).toBeNull();
  });

  it('shows the other language for this block at a click', async () => {
    await renderInTestApp(
      <>
        <BilingualText text={text} testId="first" />
        <BilingualText text={{ ja: '二つ目', en: 'Second' }} testId="second" />
      </>,
    );
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Read in Japanese' })[0],
    );
    const ja = await screen.findByText('確定');
    expect(ja.closest('[lang]')).toHaveAttribute('lang', 'ja');
    // The other block stays as it was.
    expect(screen.getByText('Second')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Read in English' }));
    expect(await screen.findByText('fix')).toBeInTheDocument();
  });

  it('shows the Japanese where there is no English, and says so', async () => {
    await renderInTestApp(
      <BilingualText text={{ ja: '会計課が締め切ります。' }} />,
    );
    const ja = await screen.findByText('会計課が締め切ります。');
    expect(ja.closest('[lang]')).toHaveAttribute('lang', 'ja');
    expect(screen.getByTestId('no-english')).toHaveTextContent(
      'No English yet: shown in Japanese.',
    );
    // Nothing to switch to.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('remembers a choice of language for every text of the guide', async () => {
    const { unmount } = await renderInTestApp(
      <>
        <ContentLanguageSwitch />
        <BilingualText text={text} />
        <BilingualText text={{ ja: '二つ目', en: 'Second' }} />
      </>,
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Read every text in Japanese' }),
    );
    expect(await screen.findByText('確定')).toBeInTheDocument();
    expect(screen.getByText('二つ目')).toBeInTheDocument();
    unmount();
    // Another page, later: still in Japanese.
    await renderInTestApp(<BilingualText text={text} />);
    expect(await screen.findByText('確定')).toBeInTheDocument();
  });
});
