import { expect, test } from '@playwright/test';

/** A slug of its own, so the test also passes against an app that ran it before. */
const SLUG = `zaisei-e2e-${Date.now()}`;

/** As a spreadsheet application saves it: UTF-8 with BOM, CRLF, Japanese headers. */
const SPREADSHEET = [
  '\uFEFFスラッグ,分類,名称,名称（英語）,概要,何のために,内容,新規職員へ,根拠法令,担当課,対象年度,時期,状態',
  `${SLUG},予算,予算資料の点検,Checking budget papers,予算要求の資料を点検します。,"要求の根拠を確かめ、議会と市民に説明できる予算にするためです。",財政課が各課の資料を点検します。,点検表を先に読みましょう。,地方自治法 第211条,group:default/zaisei-ka,翌年度,10月中旬〜11月上旬,公開`,
].join('\r\n');

const MALFORMED = [
  'slug,cycle,title_ja,owner,timing',
  'Not A Slug,festival,,group:default/zaisei-ka,来年の春',
].join('\n');

test('財政課 staff import a spreadsheet, and a malformed one changes nothing', async ({
  page,
}) => {
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-yamada.taro').click();
  await page.getByRole('link', { name: '取り込み・書き出し' }).click();
  await expect(
    page.getByRole('heading', { name: '取り込み', exact: true }),
  ).toBeVisible();

  await page.getByTestId('import-file').setInputFiles({
    name: '予算資料.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SPREADSHEET, 'utf8'),
  });
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('新規 1件');
  await page.getByRole('button', { name: '1行を取り込む' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(
    '取り込みました：新規 1件',
  );

  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(MALFORMED, 'utf8'),
  });
  await page.getByRole('button', { name: '確認する' }).click();
  const errorRow = page.getByTestId('import-row-2');
  await expect(errorRow).toContainText('列 slug');
  await expect(errorRow).toContainText('列 cycle');
  await expect(errorRow).toContainText('列 timing');
  await expect(
    page.getByRole('button', { name: /行を取り込む/ }),
  ).toBeDisabled();
  await page.screenshot({ path: 'docs/screenshots/import-errors.png' });

  // The year shows the imported step, and nothing of the malformed file.
  await page.goto('/city-hall-year?view=list');
  await expect(page.getByTestId(`occurrence-${SLUG}`).first()).toContainText(
    '予算資料の点検',
  );
});
