import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { GuidePage } from './GuidePage';

describe('GuidePage', () => {
  it('titles the page with one heading, then the subtitle, the actions and the content', async () => {
    await renderInTestApp(
      <GuidePage
        title="出納閉鎖"
        subtitle="Books close"
        actions={<button type="button">履歴</button>}
      >
        <p>5月31日に締め切ります。</p>
      </GuidePage>,
    );
    const header = screen.getByRole('banner');
    expect(
      within(header).getByRole('heading', { level: 1, name: '出納閉鎖' }),
    ).toBeInTheDocument();
    expect(within(header).getByText('Books close')).toBeInTheDocument();
    expect(
      within(header).getByRole('button', { name: '履歴' }),
    ).toBeInTheDocument();
    expect(within(header).queryByText('5月31日に締め切ります。')).toBeNull();
    expect(screen.getByText('5月31日に締め切ります。')).toBeInTheDocument();
  });

  it('leaves out the subtitle and the actions when there are none', async () => {
    await renderInTestApp(<GuidePage title="研修コース">本文</GuidePage>);
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent(/^研修コース$/);
    expect(within(header).queryByRole('button')).toBeNull();
  });

  it('titles the browser tab with the page, the guide and the app, and gives the title back on leaving', async () => {
    document.title = 'Catalog | Backstage';
    const { unmount } = await renderInTestApp(
      <GuidePage title="出納閉鎖">本文</GuidePage>,
    );
    expect(document.title).toBe('出納閉鎖 | City Hall Year | Backstage');
    unmount();
    expect(document.title).toBe('Catalog | Backstage');
  });
});
