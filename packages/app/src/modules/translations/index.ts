import {
  createFrontendModule,
  createTranslationMessages,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { searchReactTranslationRef } from '@backstage/plugin-search-react/alpha';

/**
 * The search box in the reader's language. Backstage's own text is "Search in
 * {{org}}", with the app's title (市役所の一年 City Hall Year) in both languages at once.
 */
const searchTexts = TranslationBlueprint.make({
  name: 'search-react',
  params: {
    resource: createTranslationResource({
      ref: searchReactTranslationRef,
      translations: {
        en: () =>
          Promise.resolve({
            default: createTranslationMessages({
              ref: searchReactTranslationRef,
              messages: {
                'searchBar.placeholder':
                  'Search the year: steps, questions and answers',
              },
            }),
          }),
        ja: () =>
          Promise.resolve({
            default: createTranslationMessages({
              ref: searchReactTranslationRef,
              messages: {
                'searchBar.title': '検索',
                'searchBar.placeholder': '一年の手続や質問を検索',
                'searchBar.clearButtonTitle': 'クリア',
                'searchFilter.allOptionTitle': 'すべて',
                'searchPagination.limitLabel': '1ページの件数：',
                'searchPagination.limitText': '/ {{num}}件',
                noResultsDescription: '見つかりませんでした',
                'searchResultGroup.linkTitle': 'すべて表示',
                'searchResultGroup.addFilterButtonTitle': '絞り込みを追加',
                'searchResultPager.previous': '前へ',
                'searchResultPager.next': '次へ',
              },
            }),
          }),
      },
    }),
  },
});

export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [searchTexts],
});
