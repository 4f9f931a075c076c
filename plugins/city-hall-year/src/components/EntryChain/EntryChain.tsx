import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEntryTitles } from '../../hooks/useEntryTitles';
import { entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { useLocalize } from '../../hooks/useGuideLanguage';

/** Where an entry sits in the chain: the steps it comes after, itself, the steps it leads to. */
export function EntryChain(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const titles = useEntryTitles([
    ...props.entry.dependsOn,
    ...props.entry.feedsInto,
  ]);
  const side = (slugs: string[], label: string) => (
    <Stack spacing={1} sx={{ flex: 1 }}>
      <Typography variant="overline">{label}</Typography>
      {slugs.length === 0 && <Typography color="text.secondary">—</Typography>}
      {slugs.map(slug => (
        <Link key={slug} href={entryLink({ slug })}>
          {titles.get(slug) ?? slug}
        </Link>
      ))}
    </Stack>
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      alignItems="center"
      data-testid="entry-chain"
    >
      {side(props.entry.dependsOn, t('entry.dependsOn'))}
      <ArrowForwardIcon color="action" />
      <Chip color="primary" label={localize(props.entry.title)} />
      <ArrowForwardIcon color="action" />
      {side(props.entry.feedsInto, t('entry.feedsInto'))}
    </Stack>
  );
}
