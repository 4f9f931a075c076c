import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * Every UI text of the plugin, English as the default messages and Japanese as a
 * complete translation. Entry content is bilingual data, not translations.
 */
export const cityHallYearTranslationRef = createTranslationRef({
  id: 'city-hall-year',
  messages: {
    page: {
      title: 'City Hall Year',
      subtitle: 'Where your work sits in the fiscal year',
    },
    yearSwitcher: {
      previous: 'Previous fiscal year',
      next: 'Next fiscal year',
      current: 'This fiscal year',
    },
    views: {
      timeline: 'Timeline',
      list: 'Month by month',
      wheel: 'Year wheel',
    },
    filters: {
      search: 'Search the year',
      owner: 'Department',
      allOwners: 'All departments',
      cycles: 'Cycles',
    },
    timeline: {
      title: 'Timeline of the fiscal year',
      today: 'Today',
    },
    wheel: {
      title: 'The fiscal year as a wheel, April at the top',
    },
    nowAndNext: {
      title: 'Now and next',
      thisMonth: 'This month',
      next30: 'In the next 30 days',
      nothing: 'Nothing scheduled.',
      showAll: 'Show all {{total}}',
      showFewer: 'Show fewer',
      otherYear: 'Showing another fiscal year: now and next refer to today.',
    },
    monthList: {
      lead: 'This month for you',
      title: 'Month by month',
      empty: 'Nothing scheduled this month.',
      asNeeded: 'As needed',
      month: '{{month}}',
    },
    cycles: {
      council: 'Council',
      budget: 'Budget',
      settlement: 'Settlement',
      planning: 'Planning',
      personnel: 'Personnel',
      other: 'Other',
    },
    entry: {
      concerns: 'Concerns {{label}}',
      owner: 'Owner',
      purpose: 'Why it exists',
      whatHappens: 'What happens',
      forNewStaff: 'What it means for you',
      timing: 'When, in {{year}}',
      recurs: 'How it recurs',
      asNeeded: 'Held as needed',
      legalBasis: 'Legal basis',
      relatedGroups: 'Related departments',
      chain: 'Where it sits in the chain',
      dependsOn: 'Comes after',
      feedsInto: 'Leads to',
      links: 'Links',
      updated: 'Last updated by {{who}} on {{when}} (version {{version}})',
      confirmed: 'Confirmed for {{year}}',
      notConfirmed: 'Not yet confirmed for {{year}}',
      copyLink: 'Copy link',
      linkCopied: 'Permalink copied',
      back: 'Back to the year',
      notFound: 'No such entry',
    },
    errors: { loadYear: 'Could not load the year' },
    transfer: {
      link: 'Import and export',
      title: 'Import and export',
      subtitle: 'Bring your department’s spreadsheet in, or take the year out',
      exportTitle: 'Export',
      exportHint:
        'Published entries you can read, as a file that imports back without loss.',
      exportYaml: 'Download YAML',
      exportCsv: 'Download CSV (Excel)',
      importTitle: 'Import',
      importHint:
        'CSV (UTF-8, with or without BOM; Japanese headers such as 名称・目的・担当課・時期 are accepted) or YAML. Check first: nothing is written until you import, and then all rows are written or none.',
      chooseFile: 'Choose a file',
      check: 'Check',
      apply: 'Import {{rows}} rows',
      reading: 'Reading the file…',
      uploading: 'Sending… {{percent}}%',
      checking: 'Checking every row…',
      summary:
        '{{create}} to create, {{update}} to update, {{unchanged}} unchanged, {{error}} with errors',
      applied: 'Imported: {{create}} created, {{update}} updated.',
      refused: 'Nothing was imported: fix the rows with errors and try again.',
      row: 'Row',
      slug: 'Slug',
      action: 'Result',
      problems: 'Problems',
      column: 'Column',
      actions: {
        create: 'Create',
        update: 'Update',
        unchanged: 'Unchanged',
        error: 'Error',
      },
    },
  },
  translations: {
    ja: () => import('./locales/ja'),
  },
});
