import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_PAGES, PAGES } from './pages';
import { api, signIn } from './signIn';

/**
 * axe-core over every page and dialog of the plugin, in both themes and both
 * languages, against WCAG 2.1 A and AA (what JIS X 8341-3:2016 level AA asks). No
 * violation of impact serious or critical may remain; the counts of every impact go
 * to test-results/axe/, and scripts/test.sh prints them in its summary.
 */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const OUT = join(process.cwd(), 'test-results', 'axe');

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

interface Found {
  where: string;
  rule: string;
  impact: Impact;
  help: string;
  targets: string[];
}

/** How long each page's check took, for the report. */
const took: Record<string, number> = {};

/**
 * Moves within the app as its own links do (no reload of the whole bundle per page,
 * which in a development build costs seconds).
 */
async function open(page: Page, path: string) {
  await page.evaluate(to => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function scan(page: Page, where: string, include?: string) {
  const started = Date.now();
  // Let fades and late names settle: axe reads colours as drawn.
  await page.waitForTimeout(300);
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  took[where] = Date.now() - started;
  return violations.map(
    (v): Found => ({
      where,
      rule: v.id,
      impact: (v.impact ?? 'minor') as Impact,
      help: v.help,
      targets: v.nodes.map(n => n.target.join(' ')),
    }),
  );
}

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['ja', 'en'] as const) {
    test(`axe finds nothing serious on any page or dialog (${theme}, ${language})`, async ({
      browser,
      request,
    }) => {
      test.setTimeout(600_000);
      const hr = await signIn(request, 'sato.hanako');
      const proposals = await (
        await request.get(`${api}/proposals?limit=1`, { headers: hr })
      ).json();

      const context = await browser.newContext({
        locale: language === 'ja' ? 'ja-JP' : 'en-GB',
      });
      await context.addInitScript(
        ([t, l]) => {
          window.localStorage.setItem('theme', t);
          window.localStorage.setItem('language', l);
        },
        [theme, language],
      );
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.goto('/city-hall-year');
      await page.getByTestId('sign-in-as-sato.hanako').click();
      await expect(page.locator('body')).toHaveAttribute(
        'data-theme-mode',
        theme,
        { timeout: 30_000 },
      );

      const found: Found[] = [];
      const pages = [...PAGES, ...HOST_PAGES];
      const proposal = proposals.items?.[0];
      if (proposal) {
        pages.push([
          'a proposal',
          `/city-hall-year/proposals/${proposal.id}`,
          '[data-testid=proposal-status]',
        ]);
      }
      for (const [name, path, ready] of pages) {
        await open(page, path);
        await expect(page.locator(ready).first()).toBeVisible({
          timeout: 30_000,
        });
        found.push(
          ...(await scan(
            page,
            name,
            name === 'Group card' ? '[data-testid=department-year]' : undefined,
          )),
        );
      }

      // The dialogs, each opened as a reader opens it.
      const dialogs: Array<[name: string, open: () => Promise<void>]> = [
        [
          'ask a question (dialog)',
          async () => {
            await open(page, '/city-hall-year/entries/shutsuno-heisa');
            await page.getByTestId('question-ask').click();
          },
        ],
        [
          'FAQ item (dialog)',
          async () => {
            await open(page, '/city-hall-year/entries/shutsuno-heisa');
            await page.getByTestId('faq-add').click();
          },
        ],
        [
          'process-review idea (dialog)',
          async () => {
            await open(page, '/city-hall-year/entries/shutsuno-heisa');
            await page.getByTestId('idea-submit').click();
          },
        ],
      ];
      for (const [name, show] of dialogs) {
        await show();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible({ timeout: 30_000 });
        found.push(...(await scan(page, name)));
        await page.keyboard.press('Escape');
      }

      // The merge dialog: the same entry saved in another tab first.
      const other = await context.newPage();
      const edit = '/city-hall-year/entries/gyokaku-shinchoku/edit';
      await page.goto(edit);
      await other.goto(edit);
      const title = (tab: Page) => tab.getByTestId('editor-title-ja');
      await expect(title(page)).toBeVisible({ timeout: 30_000 });
      await expect(title(other)).toBeVisible({ timeout: 30_000 });
      const summary = (tab: Page) => tab.getByTestId('editor-summary-ja');
      const before = await summary(other).inputValue();
      await summary(other).fill(`${before} `);
      await other.getByTestId('editor-publish').click();
      await expect(other.getByTestId('entry-purpose')).toBeVisible({
        timeout: 30_000,
      });
      await summary(page).fill(`${before}  `);
      await page.getByTestId('editor-publish').click();
      await expect(page.getByRole('dialog')).toBeVisible({ timeout: 30_000 });
      found.push(...(await scan(page, 'merge (dialog)')));
      await other.close();

      const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
      for (const f of found) counts[f.impact] += f.targets.length;
      mkdirSync(OUT, { recursive: true });
      writeFileSync(
        join(OUT, `${theme}-${language}.json`),
        `${JSON.stringify(
          {
            theme,
            language,
            pages: pages.length + dialogs.length + 1,
            counts,
            found,
            msPerCheck: took,
          },
          null,
          2,
        )}\n`,
      );
      await context.close();
      expect(
        found
          .filter(f => f.impact === 'serious' || f.impact === 'critical')
          .map(f => `${f.where}: [${f.impact}] ${f.rule} ${f.targets[0]}`),
      ).toEqual([]);
    });
  }
}
