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
    monthList: {
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
    },
    errors: { loadYear: 'Could not load the year' },
  },
  translations: {
    ja: () => import('./locales/ja'),
  },
});
