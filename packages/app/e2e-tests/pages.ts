/** Every page of the plugin a person reads, and something that shows it is there. */
export const PAGES: Array<[name: string, path: string, ready: string]> = [
  ['year (timeline)', '/city-hall-year', '[data-testid=timeline]'],
  ['year (month list)', '/city-hall-year?view=list', '[data-testid=month-4]'],
  ['year (wheel)', '/city-hall-year?view=wheel', '[data-testid=year-wheel]'],
  [
    'entry',
    '/city-hall-year/entries/shutsuno-heisa',
    '[data-testid=entry-chain] a',
  ],
  [
    'editor',
    '/city-hall-year/entries/yosan-yokyu/edit',
    '[data-testid=timing-rule-0]',
  ],
  [
    'history',
    '/city-hall-year/entries/shutsuno-heisa/history',
    '[data-testid=revision-list]',
  ],
  ['courses', '/city-hall-year/courses', '[data-testid=course-new], h1'],
  [
    'course',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
    '[data-testid=course-start]',
  ],
  [
    'course step',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen/1',
    '[data-testid=entry-chain] a',
  ],
  ['feeds', '/city-hall-year/feeds', '[data-testid=feed-create]'],
  [
    'import and export',
    '/city-hall-year/import-export',
    '[data-testid=export-owner]',
  ],
  ['print', '/city-hall-year/print', '[data-testid=print-page]'],
  [
    'still-unclear index',
    '/city-hall-year/clarity',
    '[data-testid=clarity-chart]',
  ],
  [
    'propose a change',
    '/city-hall-year/entries/yosan-yokyu/propose',
    '[data-testid=proposal-reason]',
  ],
  [
    'proposals',
    '/city-hall-year/proposals?tab=all',
    '[data-testid=proposals-list], [data-testid=proposals-none]',
  ],
  ['process-review ideas', '/city-hall-year/ideas', '[data-testid=ideas-list]'],
  ['confirmations (HR)', '/city-hall-year/confirmations', 'table'],
  ['hand-over (HR)', '/city-hall-year/handover', 'h1'],
];

/** The home page, whose widget is the plugin's. */
export const HOME_PAGE: [name: string, path: string, ready: string] = [
  'home',
  '/',
  '[data-testid=now-and-next-card]',
];

/** The plugin's parts on pages of the app and other plugins, and pages reached from a button. */
export const HOST_PAGES: Array<[name: string, path: string, ready: string]> = [
  HOME_PAGE,
  // Only the plugin's card: the rest of the page is the catalog's own.
  [
    'Group card',
    '/catalog/default/group/kaikei-ka',
    '[data-testid=department-year]',
  ],
  ['new entry', '/city-hall-year/new', '[data-testid=editor-title-ja]'],
  [
    'course editor',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen/edit',
    '[data-testid=course-field-titleJa]',
  ],
  [
    'your year',
    '/city-hall-year?fy=2026&mine=true&view=list',
    '[data-testid=month-4]',
  ],
];
