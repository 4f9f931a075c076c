import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/**
 * Every step's title on the timeline, and the ones that cannot be read or clicked:
 * a title is readable when its whole label lies inside its link, and clickable when
 * the link is what the pointer meets at the label's centre.
 */
async function unreadable(page: Page) {
  return page.evaluate(() => {
    const links = [
      ...document.querySelectorAll<HTMLElement>('[data-testid^=timeline-bar-]'),
    ];
    const problems: string[] = [];
    for (const link of links) {
      // As a person would: scrolled to where the title is.
      const labelElement = link.querySelector('.bar-label')!;
      labelElement.scrollIntoView({ block: 'center', inline: 'center' });
      const box = link.getBoundingClientRect();
      const label = labelElement.getBoundingClientRect();
      const title = link.textContent ?? '';
      if (!title.trim() || label.width < 1) problems.push(`${title}: no label`);
      if (label.left < box.left - 1 || label.right > box.right + 1)
        problems.push(`${title}: cut off`);
      const hit = document.elementFromPoint(
        (label.left + label.right) / 2,
        (label.top + label.bottom) / 2,
      );
      if (!hit || !link.contains(hit)) problems.push(`${title}: covered`);
    }
    return { titles: links.map(l => l.textContent ?? ''), problems };
  });
}

for (const [name, viewport] of [
  ['desktop', { width: 1400, height: 1000 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`every step on the timeline can be read and clicked (${name})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/city-hall-year');
    await page.getByTestId('sign-in-as-kimura.aoi').click();
    await expect(page.getByTestId('timeline-bar-shutsuno-heisa')).toBeVisible();
    if (name === 'phone') {
      // The year opens at today's month, not at April.
      const scrolled = await page
        .getByTestId('timeline')
        .evaluate(el => el.scrollLeft);
      const today = await page
        .getByTestId('timeline-today')
        .first()
        .boundingBox();
      expect(scrolled).toBeGreaterThan(0);
      expect(today!.x).toBeGreaterThan(0);
      expect(today!.x).toBeLessThan(viewport.width);
    }
    const { titles, problems } = await unreadable(page);
    expect(titles.length).toBeGreaterThan(60);
    expect(problems).toEqual([]);
    await expect(page.getByTestId('timeline-legend')).toContainText(
      '1日だけの段階',
    );
    await page.getByTestId('timeline').evaluate(el => {
      el.scrollIntoView();
    });
    await page.getByTestId('timeline').screenshot({
      path: `docs/screenshots/timeline-${name}.png`,
    });

    // The short steps that bigger ones used to cover open their entries.
    for (const [slug, title] of [
      ['shutsuno-heisa', '出納閉鎖'],
      ['kurikoshi-keisansho', '繰越計算書'],
    ]) {
      await page.goto('/city-hall-year');
      await page.getByTestId(`timeline-bar-${slug}`).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    }
    await context.close();
  });
}

test('the printed year holds every step’s title as text', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/city-hall-year/print?size=a4');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  await expect(page.getByTestId('timeline-bar-shutsuno-heisa')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const titles = await page
    .locator('[data-testid^=timeline-bar-]')
    .allTextContents();
  const file = 'test-results/e2e/year-titles.pdf';
  await page.pdf({
    path: file,
    preferCSSPageSize: true,
    printBackground: true,
  });
  // Layout mode keeps each label on its line; spaces are what pdftotext adds between runs.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');
  const missing = [...new Set(titles)].filter(
    title => !text.includes(title.replace(/\s+/g, '')),
  );
  expect(missing).toEqual([]);
});
