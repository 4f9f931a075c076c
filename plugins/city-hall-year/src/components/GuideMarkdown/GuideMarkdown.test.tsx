import { joinJapaneseSoftBreaks } from './GuideMarkdown';

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
