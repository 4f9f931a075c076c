import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { Cycle } from '@internal/plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { shortName, useOwnerNames } from '../../hooks/useOwnerNames';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';

/** What the search index holds of an entry (see the backend's EntryCollatorFactory). */
interface EntryDocument {
  title: string;
  text: string;
  location: string;
  cycle?: string;
  owner?: string;
  when?: string;
  /** Training courses (`city-hall-year-course` documents) only. */
  audience?: string;
  stepCount?: number;
}

/**
 * A City Hall Year entry in the search results: its cycle, when it happens and who
 * owns it; or a training course with its audience and length.
 */
export function CityHallYearSearchResultItem(props: {
  result?: EntryDocument;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const owners = useOwnerNames(props.result?.owner ? [props.result.owner] : []);
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
        {result.text}
      </Typography>
    </Box>
  );
}
