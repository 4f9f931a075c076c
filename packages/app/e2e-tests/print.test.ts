import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const shots = 'docs/screenshots';

test('the year prints on one A3 landscape sheet, and on A4 pages', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  await page.getByRole('link', { name: '一年を印刷' }).click();
  await expect(page.getByTestId('print-page')).toBeVisible();
  await expect(page.getByTestId('timeline-bar-shutsuno-heisa')).toBeVisible();
  await page.emulateMedia({ media: 'print' });

  for (const size of ['a3', 'a4'] as const) {
    if (size === 'a4') {
      await page.goto(`${new URL(page.url()).pathname}?size=a4`);
      await expect(
        page.getByTestId('timeline-bar-shutsuno-heisa'),
      ).toBeVisible();
    }
    const file = `test-results/e2e/year-${size}.pdf`;
    await page.pdf({
      path: file,
      preferCSSPageSize: true,
      printBackground: true,
    });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // Landscape sheets: A3 (1190.55 x 841.89 pt) holds the year on one; A4 (842 x 595 pt) on few.
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(size === 'a3' ? pages === 1 : pages <= 2).toBe(true);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Math.round(Number(width))).toBe(size === 'a3' ? 1191 : 842);
    expect(Math.round(Number(height))).toBe(size === 'a3' ? 842 : 595);
    if (size === 'a3') {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        `${shots}/print-a3`,
      ]);
      expect(fs.statSync(`${shots}/print-a3.png`).size).toBeGreaterThan(10_000);
    }
  }
});
