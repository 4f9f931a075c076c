import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { cityHallYearTranslationRef } from '../translation';
import { shortName, useOwnerNames } from './useOwnerNames';

/**
 * How to name whoever made a change: a person or department by their catalog name
 * (中村 恵美), and the plugin's own loader of the starting content as 「初期データ」
 * ("starting content") and its later corrections as 「初期データの更新」, never as
 * `plugin:city-hall-year/seed`.
 */
export function useActorNames(refs: string[]): (ref: string) => string {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const names = useOwnerNames(refs.filter(ref => !ref.startsWith('plugin:')));
  return ref => {
    if (ref === 'plugin:city-hall-year/content-update') {
      return t('people.contentUpdate');
    }
    if (ref.startsWith('plugin:')) return t('people.startingContent');
    return names.get(ref) ?? shortName(ref);
  };
}
