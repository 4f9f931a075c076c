import { SearchContextProvider } from '@backstage/plugin-search-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { searchApiRef } from '@backstage/plugin-search-react';
import { screen } from '@testing-library/react';
import { CityHallYearSearchResultItem } from './SearchResultItem';

describe('CityHallYearSearchResultItem', () => {
  it('shows the cycle, when it happens and the owner with a link to the entry', async () => {
    await renderInTestApp(
      <CityHallYearSearchResultItem
        result={{
          title: '出納閉鎖（Books close）',
          text: '5月31日、前年度の現金の出し入れを締め切ります。',
          location: '/city-hall-year/entries/shutsuno-heisa',
          cycle: 'settlement',
          owner: 'group:default/kaikei-ka',
          when: '5月31日',
        }}
      />,
    );
    expect(
      screen.getByRole('link', { name: '出納閉鎖（Books close）' }),
    ).toHaveAttribute('href', '/city-hall-year/entries/shutsuno-heisa');
    expect(screen.getByText('Settlement')).toBeInTheDocument();
    expect(screen.getByText('5月31日')).toBeInTheDocument();
    expect(screen.getByText(/kaikei-ka/)).toBeInTheDocument();
  });

  it('shows the snippet without markdown syntax, bold in Japanese too', async () => {
    await renderInTestApp(
      <CityHallYearSearchResultItem
        result={{
          title: '出納整理期間',
          text: '前年度の収入と支出を**確定させる**ためです。\n- 一つ目',
          location: '/city-hall-year/entries/shutsuno-seiri-kikan',
        }}
      />,
    );
    const result = screen.getByTestId('city-hall-year-search-result');
    expect(result).not.toHaveTextContent('**');
    expect(result).not.toHaveTextContent('- 一つ目');
    expect(screen.getByText('確定させる').tagName).toBe('STRONG');
  });

  it('shows a training course with its audience and number of steps', async () => {
    await renderInTestApp(
      <CityHallYearSearchResultItem
        result={{
          title: '新規採用職員研修：市役所の一年',
          text: '出納閉鎖',
          location:
            '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
          audience: '新規採用職員',
          stepCount: 10,
        }}
      />,
    );
    expect(
      screen.getByRole('link', { name: '新規採用職員研修：市役所の一年' }),
    ).toHaveAttribute(
      'href',
      '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
    );
    expect(screen.getByText(/新規採用職員 ・ 10 steps/)).toBeInTheDocument();
  });

  it('shows the FAQ questions that hold a word of the search, linked to the FAQ', async () => {
    const result = {
      title: '出納閉鎖（Books close）',
      text: '5月31日、前年度の現金の出し入れを締め切ります。',
      location: '/city-hall-year/entries/shutsuno-heisa',
      faq: [
        '出納整理期間に前年度の支払いができるのはなぜ？',
        '5月31日が休日のときは？',
      ].join('\n'),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [searchApiRef, { query: jest.fn(async () => ({ results: [] })) }],
        ]}
      >
        <SearchContextProvider
          initialState={{
            term: '出納整理期間',
            types: [],
            filters: {},
            pageCursor: undefined,
          }}
        >
          <CityHallYearSearchResultItem result={result} />
        </SearchContextProvider>
      </TestApiProvider>,
    );
    const matches = await screen.findByTestId('search-result-faq');
    expect(matches).toHaveTextContent(
      'FAQ: 出納整理期間に前年度の支払いができるのはなぜ？',
    );
    expect(matches).not.toHaveTextContent('休日');
    expect(
      screen.getByRole('link', {
        name: '出納整理期間に前年度の支払いができるのはなぜ？',
      }),
    ).toHaveAttribute('href', '/city-hall-year/entries/shutsuno-heisa#faq');
  });

  it('shows no FAQ line outside a search or when no question holds the words', async () => {
    await renderInTestApp(
      <CityHallYearSearchResultItem
        result={{
          title: '出納閉鎖',
          text: '',
          location: '/city-hall-year/entries/shutsuno-heisa',
          faq: '出納整理期間に前年度の支払いができるのはなぜ？',
        }}
      />,
    );
    expect(screen.queryByTestId('search-result-faq')).toBeNull();
  });
});
