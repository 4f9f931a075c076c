import { expect, test } from '@playwright/test';
import { markSteps, unmarkAll } from './courseMarks';
import { settled } from './settled';
import { api, signIn } from './signIn';

/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';
const slug = 'shinki-saiyo-shiyakusho-no-ichinen';

test('a new hire marks the course steps done, continues from the home page, and HR sees the cohort without pointing at anyone', async ({
  page,
  request,
}) => {
  for (const user of ['ogawa.hina', 'mori.sota', 'kimura.aoi']) {
    await unmarkAll(request, user, slug);
  }
  const course = await (
    await request.get(`${api}/courses/${slug}`, {
      headers: await signIn(request, 'ogawa.hina'),
    })
  ).json();
  const total: number = course.steps.length;
  const fifth: string = course.steps[4].entry.title.ja;

  // 小川 陽菜, hired this April, follows the course to step 4 and ticks each step.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/city-hall-year/courses/${slug}`);
  await page.getByTestId('sign-in-as-ogawa.hina').click();
  await page.getByTestId('course-start').click();
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByTestId('course-position')).toHaveText(
      `ステップ ${step} / ${total}`,
    );
    const done = page.getByTestId('course-step-done');
    await expect(done).toBeEnabled();
    await expect(done).not.toBeChecked();
    // Ticked once the server has kept the mark.
    await done.click();
    await expect(done).toBeChecked();
    await expect(page.getByTestId('course-progress-count')).toHaveText(
      `${step} / ${total} ステップ完了`,
    );
    if (step < 4) await page.getByTestId('course-next').click();
  }

  // The course page shows how far she is, the steps done, and where to go on.
  await page.goto(`/city-hall-year/courses/${slug}`);
  await expect(page.getByTestId('course-progress')).toContainText(
    `4 / ${total} ステップ完了`,
  );
  for (let step = 1; step <= total; step++) {
    await expect(
      page.getByTestId(`course-step-${step}`).getByTestId('course-step-check'),
    ).toHaveCount(step <= 4 ? 1 : 0);
  }
  await expect(page.getByTestId('course-continue')).toHaveText('続きから');
  await expect(page.getByTestId('course-continue')).toHaveAttribute(
    'href',
    `/city-hall-year/courses/${slug}/5`,
  );
  // A learner sees no one else's progress.
  await expect(page.getByTestId('course-learners')).toHaveCount(0);

  // The next morning she opens the home page and continues where she left off.
  await page.goto('/');
  const continuing = page.getByTestId('continue-course');
  await expect(continuing).toContainText('研修コースの続き');
  await expect(continuing).toContainText(`4 / ${total} ステップ完了`);
  await continuing.getByRole('link', { name: new RegExp(fifth) }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${slug}/5$`));
  await expect(page.getByTestId('course-position')).toHaveText(
    `ステップ 5 / ${total}`,
  );
  await expect(page.getByTestId('course-step-done')).not.toBeChecked();

  // Two more new hires started: 木村 葵 (市民協働課) and 森 颯太 (会計課).
  await markSteps(request, 'kimura.aoi', slug, [1, 2]);
  await markSteps(request, 'mori.sota', slug, [1]);

  // A learner may not read the cohort; HR may.
  const refused = await request.get(`${api}/courses/${slug}/progress/summary`, {
    headers: await signIn(request, 'ogawa.hina'),
  });
  expect(refused.status()).toBe(403);

  // 佐藤 花子 (人事課 研修係) reads the 受講状況 on the course page.
  const hr = await (await page.context().browser()!.newContext()).newPage();
  await hr.setViewportSize({ width: 1440, height: 1200 });
  await hr.goto(`/city-hall-year/courses/${slug}`);
  await hr.getByTestId('sign-in-as-sato.hanako').click();
  const learners = hr.getByTestId('course-learners');
  await expect(learners.getByTestId('course-learners-total')).toHaveText(
    '開始 3人・修了 0人',
  );
  // Learners who marked each step done: all three the first, only 小川 the fourth.
  const doneOn = (step: number) =>
    learners.getByTestId(`course-learners-step-${step}`).locator('td').nth(1);
  await expect(doneOn(1)).toHaveText('3');
  await expect(doneOn(2)).toHaveText('2');
  await expect(doneOn(4)).toHaveText('1');
  await expect(doneOn(5)).toHaveText('0');
  // Two from 市民協働課 and one from 会計課: neither department is counted alone.
  await expect(learners.getByTestId('course-learners-department')).toHaveCount(
    0,
  );
  await expect(learners.getByTestId('course-learners-hidden')).toHaveText(
    'ほかに2課は3人未満のため表示しません。',
  );
  // HR editors see each learner, by their names and departments.
  const rows = learners.getByTestId('course-learners-learner');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '小川 陽菜' })).toContainText(
    '市民協働課',
  );
  await expect(rows.filter({ hasText: '小川 陽菜' })).toContainText(
    `4 / ${total}`,
  );
  await expect(rows.filter({ hasText: '森 颯太' })).toContainText('会計課');
  await expect(learners).not.toContainText('user:default');
  await expect(learners).not.toContainText('group:default');
  await learners.scrollIntoViewIfNeeded();
  await settled(hr);
  await learners.screenshot({ path: `${shots}/course-learners.png` });

  // On a phone in the dark theme: the learner's step and course page.
  const phone = await (await page.context().browser()!.newContext()).newPage();
  await phone.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`/city-hall-year/courses/${slug}/5`);
  await phone.getByTestId('sign-in-as-ogawa.hina').click();
  await expect(phone.locator('body')).toHaveAttribute(
    'data-theme-mode',
    'dark',
  );
  await expect(phone.getByTestId('course-step-done')).toBeEnabled();
  await phone
    .getByTestId('course-navigation')
    .screenshot({ path: `${shots}/course-step-done-phone-dark.png` });
  await phone.goto(`/city-hall-year/courses/${slug}`);
  await expect(phone.getByTestId('course-progress')).toBeVisible();
  // Departments by their names, once the catalog answered.
  await expect(phone.getByTestId('course-step-1')).toContainText('人事課');
  await settled(phone);
  await phone.screenshot({ path: `${shots}/course-progress-phone-dark.png` });
  const scrolls = await phone.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(scrolls).toBe(false);
  await hr.context().close();
  await phone.context().close();

  // 木村 葵 takes her marks back; the course is hers to start afresh.
  await unmarkAll(request, 'kimura.aoi', slug);
});
