import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { ClarityOverviewItem } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * 「未解決の質問 3件」, linked to the entry's questions (#questions); nothing when every
 * question on the entry is settled.
 */
export function OpenQuestionsLink(props: {
  item: Pick<ClarityOverviewItem, 'entrySlug' | 'openQuestions'>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const entryLink = useRouteRef(entryRouteRef);
  const { entrySlug, openQuestions } = props.item;
  if (openQuestions === 0) return null;
  return (
    <Link href={`${entryLink({ slug: entrySlug })}#questions`}>
      {t('clarity.openQuestions', { n: String(openQuestions) })}
    </Link>
  );
}
