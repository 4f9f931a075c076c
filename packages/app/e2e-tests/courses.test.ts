import { expect, test } from '@playwright/test';
import { unmarkAll } from './courseMarks';
import { api, signIn } from './signIn';
/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

test('a new hire follows the new-hire course from step 1 to the end', async ({
  page,
  request,
}) => {
  const slug = 'shinki-saiyo-shiyakusho-no-ichinen';
  // A new hire who has not started the course yet.
  await unmarkAll(request, 'kimura.aoi', slug);
  const course = await (
    await request.get(`${api}/courses/${slug}`, {
      headers: await signIn(request, 'kimura.aoi'),
    })
  ).json();
  const total: number = course.steps.length;
  expect(total).toBeGreaterThanOrEqual(8);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  await page.getByTestId('year-nav').getByText('研修コース').click();
  await page.getByTestId(`course-${slug}`).getByRole('link').click();
  await expect(page.getByTestId('course-step-1')).toContainText('定期人事異動');
  await page.screenshot({ path: `${shots}/course.png` });

  await page.getByTestId('course-start').click();
  await expect(page).toHaveURL(
    new RegExp(`/city-hall-year/courses/${slug}/1$`),
  );
  await expect(page.getByTestId('course-previous')).toBeDisabled();
  await page.screenshot({ path: `${shots}/course-step.png` });

  const titles: string[] = [];
  for (let step = 1; step <= total; step++) {
    await expect(page.getByTestId('course-position')).toHaveText(
      `ステップ ${step} / ${total}`,
    );
    // Each step is the linked entry itself, purpose first.
    await expect(page.getByTestId('entry-purpose')).toBeVisible();
    titles.push((await page.locator('header h1').first().textContent()) ?? '');
    if (step < total) await page.getByTestId('course-next').click();
  }
  expect(new Set(titles).size).toBe(total);
  expect(titles[0]).toContain('定期人事異動');
  // The last step leads back to the course.
  await page.getByTestId('course-finish').click();
  await expect(page.getByTestId('course-step-1')).toBeVisible();

  // The entry page says which courses use it.
  await page.goto('/city-hall-year/entries/shutsuno-heisa');
  await expect(page.getByTestId('entry-used-in')).toContainText(
    '新規採用職員研修',
  );
});

test('every shipped course opens with the note of each of its steps; the second-posting course at desktop and phone width', async ({
  page,
  request,
}) => {
  const headers = await signIn(request, 'kimura.aoi');
  const shipped = [
    'shinki-saiyo-shiyakusho-no-ichinen',
    'yosan-kessan-no-tsunagari',
    'nikashome-gikai-no-ichinen',
  ];
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year/courses');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  for (const slug of shipped) {
    await expect(page.getByTestId(`course-${slug}`)).toBeVisible();
  }
  for (const slug of shipped) {
    const course = await (
      await request.get(`${api}/courses/${slug}`, { headers })
    ).json();
    await page.goto(`/city-hall-year/courses/${slug}`);
    await expect(page.locator('header h1').first()).toContainText(
      course.course.title.ja,
    );
    for (const [i, step] of course.steps.entries()) {
      const card = page.getByTestId(`course-step-${i + 1}`);
      // Every step of a shipped course links a live entry and says why it is there.
      await expect(card.getByRole('link')).toBeVisible();
      if (slug === 'nikashome-gikai-no-ichinen') {
        expect(step.note?.ja, `step ${i + 1} of ${slug}`).toBeTruthy();
      }
      if (step.note) await expect(card).toContainText(step.note.ja);
    }
  }
  // The course for staff in their second posting who draft council answers.
  await page.goto('/city-hall-year/courses/nikashome-gikai-no-ichinen');
  // Departments by name before the picture: 人事課, not its catalog id.
  await expect(page.getByTestId('course-step-1')).toContainText('人事課');
  await page.screenshot({
    path: `${shots}/course-second-posting.png`,
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('course-step-1')).toContainText('人事課');
  await page.screenshot({ path: `${shots}/course-second-posting-phone.png` });
});

test('HR builds a course in the editor; a pinned fiscal year keeps its dates', async ({
  page,
  request,
}) => {
  const slug = `e2e-course-${Date.now()}`;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year/courses');
  await page.getByTestId('sign-in-as-sato.hanako').click();
  await page.getByTestId('course-new').click();
  await page.getByTestId('course-field-slug').fill(slug);
  await page.getByTestId('course-field-titleJa').fill('決算の基本（E2E）');
  await page.getByTestId('course-field-audienceJa').fill('会計担当');
  await page.getByTestId('course-step-entry-1').fill('出納閉鎖');
  await page.getByRole('option', { name: /出納閉鎖/ }).click();
  await page.getByTestId('course-add-step').click();
  await page.getByTestId('course-step-entry-2').fill('決算の認定');
  await page
    .getByRole('option', { name: /決算の認定/ })
    .first()
    .click();
  await page.getByTestId('course-save').click();

  await expect(page).toHaveURL(new RegExp(`/courses/${slug}$`));
  await expect(page.getByTestId('course-step-1')).toContainText('出納閉鎖');
  await expect(page.getByTestId('course-step-2')).toContainText('決算');

  // A training handout pins FY2030: the dates are those of that year.
  await page.goto(`/city-hall-year/courses/${slug}/1?fy=2030`);
  await expect(
    page.getByRole('heading', { name: /令和12年度/ }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('entry-occurrence').first()).toContainText(
    '5月31日',
  );
  await page.getByTestId('course-next').click();
  await expect(page).toHaveURL(new RegExp(`/courses/${slug}/2\\?fy=2030$`));

  // Somebody outside HR sees no edit button, and the server refuses the change.
  const newHire = await signIn(request, 'kimura.aoi');
  const view = await (
    await request.get(`${api}/courses/${slug}`, { headers: newHire })
  ).json();
  const refused = await request.put(`${api}/courses/${slug}`, {
    headers: newHire,
    data: {
      slug,
      title: { ja: '書き換え' },
      audience: { ja: '全員' },
      steps: [{ entry: 'shutsuno-heisa' }],
      version: view.course.version,
    },
  });
  expect(refused.status()).toBe(403);
});

test('an edit shows as changed since the reader last looked, until marked as seen', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  // Whatever was news before (other tests edit entries too) is seen now: said to
  // the server before the page loads, so that no banner can arrive late.
  const reader = await signIn(request, 'takahashi.ken');
  const seen = await request.post(`${api}/last-seen`, {
    headers: reader,
    data: { at: new Date().toISOString() },
  });
  expect(seen.status()).toBe(200);
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-takahashi.ken').click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('changes-since')).toHaveCount(0);

  // 財政課 edits the budget-request entry meanwhile.
  const finance = await signIn(request, 'yamada.taro');
  const entry = await (
    await request.get(`${api}/entries/yosan-yokyu`, { headers: finance })
  ).json();
  const {
    id,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    confirmedFiscalYear,
    ...fields
  } = entry;
  const edited = await request.put(`${api}/entries/${id}`, {
    headers: finance,
    data: {
      ...fields,
      summary: {
        ...entry.summary,
        ja: `${entry.summary.ja.replace(/（.*）$/, '')}（${Date.now()} 更新）`,
      },
    },
  });
  expect(edited.status()).toBe(200);

  await page.reload();
  const banner = page.getByTestId('changes-since');
  await expect(banner).toContainText('前回の確認');
  await banner.getByRole('button', { name: '変更を表示' }).click();
  await expect(page.getByTestId('change-yosan-yokyu')).toContainText('概要');
  // Who changed it, by the name the catalog gives, not the user's reference.
  await expect(page.getByTestId('change-yosan-yokyu')).toContainText(
    '山田 太郎',
  );
  await page.getByRole('tab', { name: '月ごとの一覧' }).click();
  await expect(
    page
      .getByTestId('occurrence-yosan-yokyu')
      .first()
      .getByTestId('changed-marker'),
  ).toHaveText('更新');
  await page.screenshot({ path: `${shots}/changed-since.png` });

  await page.getByTestId('changes-mark-seen').click();
  await expect(page.getByTestId('changes-since')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible();
  await expect(page.getByTestId('year-nav')).toBeVisible();
  await expect(page.getByTestId('changes-since')).toHaveCount(0);
});

test('a calendar feed token lets a calendar read the year until it is revoked', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year/feeds');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  // A label of its own, so that the token is told apart from any other of hers.
  const label = `Outlook ${Date.now()}`;
  await page.getByTestId('feed-label').fill(label);
  await page.getByTestId('feed-create').click();
  const url = await page.getByTestId('feed-url').first().inputValue();
  expect(url).toMatch(
    /\/api\/city-hall-year\/feeds\/calendar\.ics\?token=chy_/,
  );
  await page.screenshot({ path: `${shots}/feeds.png` });

  // A calendar app fetches the address without any Backstage sign-in.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const text = await feed.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain('SUMMARY:出納閉鎖');

  const token = page.getByTestId('feed-token').filter({ hasText: label });
  await token.getByTestId('feed-revoke').click();
  // Revoking asks first.
  await page
    .getByRole('dialog', { name: 'このカレンダーのアドレスを無効にしますか？' })
    .getByRole('button', { name: '無効にする' })
    .click();
  await expect(token).toHaveCount(0);
  expect((await request.get(url)).status()).toBe(401);
});
