import { expect, test, type Page } from '@playwright/test';

import { api, signIn } from './signIn';
import { findInjected, PAYLOADS } from './xssPayloads';

/**
 * The text limits of ENTRY_LIMITS (plugins/city-hall-year-common/src/limits.ts), which
 * the app does not depend on; should they shrink, the API's 400 says so below.
 */
const L = {
  titleLength: 120,
  summaryLength: 400,
  lawLength: 100,
  articleLength: 60,
  noteLength: 400,
  tagLength: 40,
} as const;

const label = (i: number) => `XSS${String(i + 1).padStart(2, '0')}`;
/** A payload with its label in front, cut to a field's limit. */
const text = (i: number, max: number) =>
  `${label(i)} ${PAYLOADS[i]}`.slice(0, max).trim();
/** Markdown: the payload inline, then again as a block of its own. */
const markdown = (i: number) => `${text(i, 400)}\n\n${PAYLOADS[i]}`;

/** Every text field of an entry, with payload `i` in each. */
function entryBody(i: number, slug: string) {
  const bilingual = (max: number) => ({
    ja: text(i, max),
    en: text(i, max),
  });
  const md = { ja: markdown(i), en: markdown(i) };
  return {
    slug,
    cycle: 'personnel',
    title: bilingual(L.titleLength),
    summary: bilingual(L.summaryLength),
    purpose: md,
    whatHappens: md,
    forNewStaff: md,
    legalBasis: [
      {
        law: text(i, L.lawLength),
        article: text(i, L.articleLength),
        note: text(i, L.noteLength),
      },
    ],
    owner: 'group:default/jinji-kenshu-kakari',
    tags: [text(i, L.tagLength)],
    links: [
      {
        title: text(i, L.titleLength),
        url: `https://example.jp/?q=${encodeURIComponent(text(i, 400))}`,
      },
    ],
    timing: {
      rules: [{ kind: 'date', on: { month: 12, day: 1 } }],
      note: bilingual(L.noteLength),
    },
    status: 'published',
  };
}
/** How many strings of a request body carry payload `i` (by its label, encoded or not). */
function fieldsWith(value: unknown, i: number): number {
  if (typeof value === 'string') return value.includes(label(i)) ? 1 : 0;
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>(
      (n, v) => n + fieldsWith(v, i),
      0,
    );
  }
  return 0;
}

/** Resolves once the page shows every needle (in its text, a title or an aria-label). */
async function shows(page: Page, needles: string[]) {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  await expect
    .poll(
      async () => {
        const haystack = norm(
          await page.evaluate(
            () =>
              `${document.body.textContent} ${[
                ...document.querySelectorAll('[title],[aria-label]'),
              ]
                .map(
                  e =>
                    `${e.getAttribute('title')} ${e.getAttribute(
                      'aria-label',
                    )}`,
                )
                .join(' ')}`,
          ),
        );
        return needles.filter(n => !haystack.includes(norm(n)));
      },
      { timeout: 20_000 },
    )
    .toEqual([]);
}

test('abuse: stored XSS payloads are inert on every page that renders them', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const run = Date.now();
  const hr = await signIn(request, 'sato.hanako');

  // One published entry per payload. Created with the next payload, then changed to its
  // own, so that the history page shows a difference of every field with both.
  const slugs = PAYLOADS.map((_, i) => `xss-${i + 1}-${run}`);
  const courseSlug = `xss-course-${run}`;
  // What the test made, removed at the end whatever happens: twenty more steps on
  // 1 December would change the year (and its printout) for the tests that run after.
  const made: { entries: { id: string; version: number }[]; course?: number } =
    {
      entries: [],
    };
  try {
    for (const [i, slug] of slugs.entries()) {
      const created = await request.post(`${api}/entries`, {
        headers: hr,
        data: entryBody((i + 1) % PAYLOADS.length, slug),
      });
      expect(created.status(), await created.text()).toBe(201);
      const entry = await created.json();
      const updated = await request.put(`${api}/entries/${entry.id}`, {
        headers: hr,
        data: { ...entryBody(i, slug), version: entry.version },
      });
      expect(updated.status(), await updated.text()).toBe(200);
      made.entries.push({
        id: entry.id,
        version: (await updated.json()).version,
      });
    }
    // A course of those entries, with payloads in its own fields too.
    const courseBody = {
      slug: courseSlug,
      title: { ja: text(0, L.titleLength), en: text(1, L.titleLength) },
      audience: { ja: text(2, L.summaryLength), en: text(3, L.summaryLength) },
      description: {
        ja: PAYLOADS.map((_, i) => markdown(i)).join('\n\n'),
        en: PAYLOADS.map((_, i) => markdown(i))
          .reverse()
          .join('\n\n'),
      },
      steps: slugs.map((slug, i) => ({
        entry: slug,
        note: { ja: text(i, L.noteLength), en: text(i, L.noteLength) },
      })),
    };
    const course = await request.post(`${api}/courses`, {
      headers: hr,
      data: courseBody,
    });
    expect(course.status(), await course.text()).toBe(201);
    made.course = (await course.json()).version;
    // Every text field of an entry, and the ja/en note of the course step linking it.
    const fieldsPerPayload =
      fieldsWith(entryBody(0, slugs[0]), 0) +
      fieldsWith(courseBody.steps[0], 0);

    // Every way a payload could run ends up counted here.
    let dialogs = 0;
    let executions = 0;
    const findings: string[] = [];
    let current = 'sign-in';
    const context = page.context();
    await context.addInitScript(() => {
      (window as unknown as { __xss: number }).__xss = 0;
    });
    // Nothing leaves the machine: external links (example.jp) are answered locally.
    await context.route(
      url => !['localhost', '127.0.0.1'].includes(url.hostname),
      route => route.fulfill({ status: 204, body: '' }),
    );
    context.on('dialog', dialog => {
      dialogs++;
      findings.push(
        `${current}: dialog ${dialog.type()} "${dialog.message()}"`,
      );
      dialog.dismiss().catch(() => {});
    });
    const watchErrors = (p: Page) =>
      p.on('pageerror', error => {
        // A payload that ran in a frame without the counter still fails loudly.
        if (/__xss/.test(error.message)) {
          executions++;
          findings.push(`${current}: script error ${error.message}`);
        }
      });
    watchErrors(page);
    // Popups (links with target=_blank): whatever runs there counts too.
    context.on('page', async popup => {
      watchErrors(popup);
      await popup.waitForLoadState().catch(() => {});
      const ran = await popup
        .evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)
        .catch(() => 0);
      if (ran) {
        executions += ran;
        findings.push(
          `${current}: ${ran} execution(s) in a popup ${popup.url()}`,
        );
      }
      await popup.close().catch(() => {});
    });

    /** Counts executions in every frame, resets them, and lists injected markup. */
    const check = async (name: string) => {
      current = name;
      // Images (src=x) fail to load before an onerror could have fired.
      await page
        .waitForFunction(
          () => [...document.images].every(img => img.complete),
          undefined,
          { timeout: 3_000 },
        )
        .catch(() => {});
      await page.waitForTimeout(100);
      for (const frame of page.frames()) {
        const ran = await frame
          .evaluate(() => {
            const w = window as unknown as { __xss?: number };
            const n = w.__xss ?? 0;
            w.__xss = 0;
            return n;
          })
          .catch(() => 0);
        if (ran) {
          executions += ran;
          findings.push(`${name}: ${ran} execution(s) in frame ${frame.url()}`);
        }
      }
      for (const problem of await page.evaluate(findInjected)) {
        findings.push(`${name}: ${problem}`);
      }
    };

    let pages = 0;
    /**
     * Shows a page, by the app's router (as a click on a link of the app would) or by
     * loading the address anew, then checks it once it shows the needles.
     */
    const render = async (
      path: string,
      needles: string[],
      options: { ready?: string; reload?: boolean } = {},
    ) => {
      current = path;
      if (options.reload) {
        await page.goto(path);
      } else {
        await page.evaluate(to => {
          window.history.pushState({}, '', to);
          window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
        }, path);
      }
      await expect(page).toHaveURL(path);
      if (options.ready) {
        await expect(page.getByTestId(options.ready).first()).toBeAttached();
      }
      await shows(page, needles);
      await check(path);
      pages++;
    };

    /** Hovers and clicks every link made by the payloads, coming back after each. */
    let clicks = 0;
    const clickLinks = async (where: string, selector: string, limit = 50) => {
      const back = page.url();
      const count = Math.min(await page.locator(selector).count(), limit);
      for (let k = 0; k < count; k++) {
        const link = page.locator(selector).nth(k);
        current = `${where}: link ${k + 1}`;
        await link.hover({ timeout: 500 }).catch(() => {});
        // A link that cannot be clicked where it is (an SVG link, say) is clicked by event.
        await link
          .click({ timeout: 500, noWaitAfter: true })
          .catch(() => link.dispatchEvent('click').catch(() => {}));
        clicks++;
        // A popup (target=_blank) leaves this page in the background, where it is never stable.
        await page.bringToFront();
        await check(current);
        if (page.url() !== back) {
          // A link of the app: back through its history; anything else: load again.
          if (!(await page.goBack().catch(() => null)) && page.url() !== back) {
            await page.goto(back);
          }
          await expect(page).toHaveURL(back);
        }
        await page
          .locator(selector)
          .nth(k)
          .waitFor({ state: 'attached', timeout: 15_000 });
      }
    };

    await page.setViewportSize({ width: 1440, height: 1000 });
    current = '/city-hall-year';
    await page.goto('/city-hall-year');
    await page.getByTestId('sign-in-as-kimura.aoi').click();
    await expect(page.getByTestId('timeline')).toBeVisible();

    // The detectors first: markup planted by the test itself (not by the app) must be
    // caught, or a run that counts nothing would prove nothing.
    current = 'calibration';
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'xss-calibration';
      probe.innerHTML =
        '<img src="data:," onerror="__xss++"><a href="javascript:__xss++">xss-link</a>';
      document.body.append(probe);
      // eslint-disable-next-line no-alert
      setTimeout(() => window.alert('calibration'), 0);
    });
    await page.locator('#xss-calibration a').dispatchEvent('click');
    await expect.poll(() => dialogs).toBe(1);
    await check('calibration');
    expect(executions).toBe(2);
    expect(findings.join('\n')).toContain('onerror attribute');
    expect(findings.join('\n')).toMatch(/^calibration: javascript: href/m);
    await page.evaluate(() =>
      document.getElementById('xss-calibration')?.remove(),
    );
    dialogs = 0;
    executions = 0;
    findings.length = 0;

    // The timeline: a bar per entry, its title in the bar and in the tooltip.
    await expect(page.getByTestId('timeline')).toBeVisible();
    await shows(
      page,
      PAYLOADS.map((_, i) => text(i, L.titleLength)),
    );
    await check('/city-hall-year');
    pages++;
    // Bars carry the title as their tooltip: hover every bar, click a few (the month
    // list below clicks every entry's link).
    const bars = page.locator(`[data-testid="timeline"] a[href$="-${run}"]`);
    for (const bar of await bars.all()) {
      await bar.hover({ timeout: 500 }).catch(() => {});
    }
    await check('/city-hall-year: bars hovered');
    await clickLinks(
      'timeline',
      `[data-testid="timeline"] a[href$="-${run}"]`,
      5,
    );

    // The month list: December holds them all, with summaries.
    await render(
      '/city-hall-year?view=list',
      PAYLOADS.flatMap((_, i) => [
        text(i, L.titleLength),
        text(i, L.summaryLength),
      ]),
      { ready: 'month-12' },
    );
    // Each title links to its entry: hover and click them, through the app's router.
    await clickLinks(
      'month list',
      `[data-testid="month-12"] a[href$="-${run}"]:has-text("XSS")`,
    );

    await render(
      '/city-hall-year?view=wheel',
      PAYLOADS.map((_, i) => text(i, L.titleLength)),
      { ready: 'year-wheel' },
    );
    await render(
      '/city-hall-year/print',
      PAYLOADS.map((_, i) => text(i, L.titleLength)),
      { ready: 'print-page' },
    );

    // Every entry page, then its history.
    const userLinks =
      'a:has-text("xss-link"), a:has-text("XSS"), a[href^="https://example.jp/"]';
    for (const [i, slug] of slugs.entries()) {
      await render(
        `/city-hall-year/entries/${slug}`,
        [
          text(i, L.titleLength),
          text(i, L.summaryLength),
          text(i, L.lawLength),
          text(i, L.noteLength),
        ],
        { ready: 'entry-purpose' },
      );
      // The Markdown sections rendered too (what is left of the payload after its label).
      for (const section of [
        'entry-purpose',
        'entry-what-happens',
        'entry-for-new-staff',
      ]) {
        await expect(page.getByTestId(section)).toContainText(label(i));
      }
      await clickLinks(`entry ${slug}`, userLinks);
    }
    for (const [i, slug] of slugs.entries()) {
      await render(
        `/city-hall-year/entries/${slug}/history`,
        [text(i, L.titleLength)],
        { ready: 'revision-diff' },
      );
      // The difference shows both versions as text: what stayed with what went is the
      // version before (which carried the next payload), with what came the one after.
      const sides = await page
        .getByTestId('revision-diff-summary')
        .evaluate(diff => {
          const side = (drop: string) => {
            const copy = diff.cloneNode(true) as HTMLElement;
            copy
              .querySelectorAll(
                `${drop}, [data-diff-label], .MuiTypography-caption`,
              )
              .forEach(e => e.remove());
            return copy.textContent ?? '';
          };
          return { before: side('ins'), after: side('del') };
        });
      expect(sides.before).toContain(
        text((i + 1) % PAYLOADS.length, L.summaryLength),
      );
      expect(sides.after).toContain(text(i, L.summaryLength));
    }

    // The course, and every step of it (each step is the entry with the course around it).
    await render(
      `/city-hall-year/courses/${courseSlug}`,
      [
        text(0, L.titleLength),
        text(2, L.summaryLength),
        ...PAYLOADS.map((_, i) => text(i, L.noteLength)),
      ],
      { ready: 'course-step-1', reload: true },
    );
    await clickLinks('course', userLinks, 6);
    const steps = slugs.length;
    for (let step = 1; step <= steps; step++) {
      await render(
        `/city-hall-year/courses/${courseSlug}/${step}`,
        [
          text(0, L.titleLength),
          text(step - 1, L.titleLength),
          text(step - 1, L.summaryLength),
        ],
        { ready: 'course-position' },
      );
    }

    // Search: the index may not hold the new entries yet, so results are not asserted.
    await render('/search?query=xss', []);
    await expect(page.getByRole('textbox', { name: '検索' })).toHaveValue(
      'xss',
    );
    await page.waitForTimeout(1_000);
    await check('/search?query=xss (results settled)');
    const found = await page.locator(`a[href*="-${run}"]`).count();

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // eslint-disable-next-line no-console
    console.log(
      `abuse: XSS — ${PAYLOADS.length} payloads × ${fieldsPerPayload} fields, ${pages} pages rendered in Chromium, ${dialogs} dialogs, ${executions} script executions (${clicks} links hovered and clicked, ${found} search results of this run, ${seconds} s)`,
    );
    expect(findings).toEqual([]);
    expect(dialogs).toBe(0);
    expect(executions).toBe(0);
  } finally {
    if (made.course) {
      await request.delete(`${api}/courses/${courseSlug}`, {
        headers: hr,
        data: { version: made.course },
      });
    }
    for (const { id, version } of made.entries) {
      await request.delete(`${api}/entries/${id}`, {
        headers: hr,
        data: { version },
      });
    }
  }
});
