import type { Page } from '@playwright/test';

/**
 * Waits for the page's transitions (a dialog fading in) to end, for a screenshot.
 * Animations that run for ever (spinners) are not waited for.
 */
export async function settled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter(a => a.effect?.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => undefined)),
    ),
  );
}
