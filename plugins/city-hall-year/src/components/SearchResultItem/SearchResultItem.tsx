import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  useSearch,
  useSearchContextCheck,
} from '@backstage/plugin-search-react';
import { Link } from '@backstage/ui';
import type { Cycle } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';
import { MarkdownSnippet } from '../GuideMarkdown';

/**
 * What the search index holds of an entry or a course (see the backend's
 * EntryCollatorFactory and CourseCollatorFactory).
 *
 * @public
 */
export interface CityHallYearSearchResultDocument {
  title: string;
  text: string;
  location: string;
  cycle?: string;
  owner?: string;
  when?: string;
  /** Training courses (`city-hall-year-course` documents) only. */
  audience?: string;
  stepCount?: number;
  /** The entry's FAQ questions, one a line. */
  faq?: string;
}

/**
 * The FAQ questions of a result that contain a word of the search, linked to the
 * entry's FAQ: someone who searched 出納整理期間 sees that it is asked and answered.
 */
function FaqMatches(props: { faq: string; location: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { term } = useSearch();
  const words = term
    .toLocaleLowerCase('ja')
    // \s takes the full-width space (U+3000) too.
    .split(/\s+/)
    .filter(Boolean);
  const matches = props.faq
    .split('\n')
    .filter(
      q => q && words.some(word => q.toLocaleLowerCase('ja').includes(word)),
    )
    .slice(0, 2);
  if (matches.length === 0) return null;
  return (
    <Stack spacing={0.25} sx={{ mt: 0.5 }} data-testid="search-result-faq">
      {matches.map(question => (
        <Typography key={question} variant="body2">
          {t('faq.searchMatch')}{' '}
          <Link href={`${props.location}#faq`}>{question}</Link>
        </Typography>
      ))}
    </Stack>
  );
}

/**
 * A City Hall Year entry in the search results: its cycle, when it happens and who
 * owns it; or a training course with its audience and length.
 */
export function CityHallYearSearchResultItem(props: {
  result?: CityHallYearSearchResultDocument;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const owners = useOwnerNames(props.result?.owner ? [props.result.owner] : []);
  const inSearch = useSearchContextCheck();
  const { result } = props;
  if (!result) return null;
  return (
    <Box
      component="li"
      sx={{ listStyle: 'none', py: 1 }}
      data-testid="city-hall-year-search-result"
    >
      <Typography variant="h6" component="h3">
        <Link href={result.location}>{result.title}</Link>
      </Typography>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ my: 0.5 }}>
        {result.cycle && <CycleChip cycle={result.cycle as Cycle} />}
        {result.when && (
          <Typography variant="body2" color="text.secondary">
            {result.when}
          </Typography>
        )}
        {result.stepCount !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {t('courses.title')} ・ {t('courses.audience')}: {result.audience}{' '}
            ・ {t('courses.stepCount', { n: String(result.stepCount) })}
          </Typography>
        )}
        {result.owner && (
          <Typography variant="body2" color="text.secondary">
            {t('entry.owner')}:{' '}
            {owners.get(result.owner) ?? shortName(result.owner)}
          </Typography>
        )}
      </Stack>
      <Typography
        variant="body2"
        sx={{
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        <MarkdownSnippet content={result.text} />
      </Typography>
      {inSearch && result.faq && (
        <FaqMatches faq={result.faq} location={result.location} />
      )}
    </Box>
  );
}
