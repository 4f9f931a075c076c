import { renderInTestApp } from '@backstage/test-utils';
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
});
