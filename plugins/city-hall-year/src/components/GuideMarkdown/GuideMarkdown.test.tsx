import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GuideMarkdown, joinJapaneseSoftBreaks } from './GuideMarkdown';

describe('joinJapaneseSoftBreaks', () => {
  it.each([
    [
      '予算が計画なら、決算は結果です。議会が認めた予算がどう使われ、どんな成果に\nなったかを示します。',
      '予算が計画なら、決算は結果です。議会が認めた予算がどう使われ、どんな成果になったかを示します。',
    ],
    ['段落です。\n\n次の段落です。', '段落です。\n\n次の段落です。'],
    ['- 一つ目\n- 二つ目', '- 一つ目\n- 二つ目'],
    ['English text\ncontinues here.', 'English text\ncontinues here.'],
    ['**目的**（総合計画）に\n沿って', '**目的**（総合計画）に沿って'],
  ])('turns %j into %j', (input, expected) => {
    expect(joinJapaneseSoftBreaks(input)).toBe(expected);
  });
});

const RAW_HTML =
  '<img src=x onerror="window.__xss=1"> [x](javascript:alert(1))';

describe('GuideMarkdown', () => {
  it('renders bold next to Japanese punctuation, as CommonMark alone does not', async () => {
    await renderInTestApp(
      <GuideMarkdown content="支払い伝票を扱います。**5月31日を過ぎると前年度の予算からは支払えません。**前任者から引き継いだ未払いがないか確認しましょう。" />,
    );
    const strong = screen.getByText(
      '5月31日を過ぎると前年度の予算からは支払えません。',
    );
    expect(strong.tagName).toBe('STRONG');
    expect(document.body.textContent).not.toContain('**');
  });

  it('renders English emphasis, lists and links as before', async () => {
    await renderInTestApp(
      <GuideMarkdown
        content={
          '**After 31 May** it is closed.\n\n- one\n- two\n\n[地方自治法](https://laws.e-gov.go.jp/law/322AC0000000067)'
        }
      />,
    );
    expect(screen.getByText('After 31 May').tagName).toBe('STRONG');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: /地方自治法/ })).toHaveAttribute(
      'href',
      'https://laws.e-gov.go.jp/law/322AC0000000067',
    );
  });

  it('shows raw HTML and script links as text, never as markup', async () => {
    await renderInTestApp(<GuideMarkdown content={RAW_HTML} />);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain('<img src=x');
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
