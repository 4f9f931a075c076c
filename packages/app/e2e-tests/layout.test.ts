import { expect, test, type Page } from '@playwright/test';
import { HOME_PAGE, PAGES } from './pages';

/**
 * Phones and zoom: at 390×844 (a phone) and at 200 % zoom of 1280×800 (a 640×400
 * CSS viewport at twice the pixels), no page scrolls sideways — only the timeline's
 * own scroller may — the page header's buttons do not cover its title, and the
 * controls a finger or a magnifier user presses are at least 24×24 px (WCAG 2.2
 * 2.5.8; links inside text are exempt).
 */
const SCREENS = [
  { name: 'phone', width: 390, height: 844, scale: 3 },
  { name: 'zoom 200%', width: 640, height: 400, scale: 2 },
] as const;

const shots = 'docs/screenshots';

/** What scrolls sideways: the page itself, or any element but the timeline's scroller. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      out.push(`the page (${root.scrollWidth} > ${root.clientWidth} px)`);
    }
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('main *'),
    )) {
      if (el.closest('[data-testid=timeline]')) continue;
      const style = getComputedStyle(el);
      if (!/(auto|scroll)/.test(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        const id = el.dataset.testid ?? el.className.toString().slice(0, 60);
        out.push(`${el.tagName.toLowerCase()} ${id}`);
      }
    }
    return out;
  });
}

/** Buttons, tabs and form controls drawn smaller than 24×24 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'main button, main [role=button], main [role=tab], main input[type=checkbox], main input[type=radio], main [role=combobox]';
    const out: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(selector),
    )) {
      if (el.closest('[aria-hidden=true]')) continue;
      // A checkbox or radio is pressed through its drawn box (the input is hidden).
      const target =
        el instanceof HTMLInputElement ? (el.parentElement as HTMLElement) : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 24 || box.height < 24) {
        const name =
          el.getAttribute('aria-label') ??
          el.textContent?.trim().slice(0, 30) ??
          '';
        out.push(
          `${name || el.tagName} (${Math.round(box.width)}×${Math.round(
            box.height,
          )})`,
        );
      }
    }
    return out;
  });
}

/** The header's title and subtitle against its buttons: boxes that overlap. */
async function headerOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('header');
    if (!header) return [];
    const texts = Array.from(
      header.querySelectorAll<HTMLElement>('h1, h1 ~ *'),
    ).filter(el => !el.querySelector('button, a'));
    const controls = Array.from(
      header.querySelectorAll<HTMLElement>('button, a[role=button]'),
    );
    const out: string[] = [];
    for (const text of texts) {
      const a = text.getBoundingClientRect();
      for (const control of controls) {
        const b = control.getBoundingClientRect();
        const overlap =
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1;
        if (overlap && a.width > 0 && b.width > 0) {
          out.push(
            `"${text.textContent?.trim().slice(0, 30)}" under "${
              control.getAttribute('aria-label') ??
              control.textContent?.trim().slice(0, 30)
            }"`,
          );
        }
      }
    }
    return out;
  });
}

for (const screen of SCREENS) {
  test(`no page scrolls sideways, overlaps its header or has small controls (${screen.name})`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: screen.scale,
      isMobile: screen.name === 'phone',
      hasTouch: screen.name === 'phone',
    });
    const page = await context.newPage();
    await page.goto('/city-hall-year');
    await page.getByTestId('sign-in-as-sato.hanako').click();
    await expect(page.getByTestId('fiscal-year-label')).toBeVisible({
      timeout: 30_000,
    });
    const problems: string[] = [];
    for (const [name, path, ready] of [...PAGES, HOME_PAGE]) {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible({
        timeout: 30_000,
      });
      await page.waitForTimeout(300);
      for (const found of await sidewaysScrollers(page)) {
        problems.push(`${name}: scrolls sideways: ${found}`);
      }
      for (const found of await headerOverlaps(page)) {
        problems.push(`${name}: header overlaps: ${found}`);
      }
      for (const found of await smallTargets(page)) {
        problems.push(`${name}: smaller than 24×24: ${found}`);
      }
    }
    // The pictures: the year, an entry and a course step.
    const suffix = screen.name === 'phone' ? 'phone' : 'zoom200';
    for (const [file, path, ready] of [
      ['year', '/city-hall-year?view=list', '[data-testid=month-4]'],
      [
        'entry',
        '/city-hall-year/entries/shutsuno-heisa',
        '[data-testid=entry-purpose]',
      ],
      [
        'course-step',
        '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen/1',
        '[data-testid=entry-purpose]',
      ],
    ]) {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible({
        timeout: 30_000,
      });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${shots}/a11y-${file}-${suffix}.png` });
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}
