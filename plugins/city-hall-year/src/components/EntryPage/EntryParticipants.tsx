import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LocalizedNote } from '../BilingualText/LocalizedNote';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * Who takes part in a step besides its owner (参加する人), each with what they do
 * there: roles by name (各課, 係長級), Groups by their catalog names.
 */
export function EntryParticipants(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const participants = props.entry.participants ?? [];
  return (
    <>
      <Typography variant="overline" component="p" sx={{ mt: 1 }}>
        {t('entry.participants')}
      </Typography>
      {participants.length === 0 ? (
        <Typography variant="body2" data-testid="entry-participants">
          {t('entry.onlyOwner')}
        </Typography>
      ) : (
        <Stack
          spacing={1}
          component="ul"
          sx={{ m: 0, pl: 0 }}
          data-testid="entry-participants"
        >
          {participants.map(p => {
            return (
              <li
                key={'role' in p ? p.role : p.group}
                style={{ listStyle: 'none' }}
              >
                <Typography variant="body2" fontWeight="bold">
                  {'role' in p ? (
                    t(`participants.${p.role}`)
                  ) : (
                    <EntityRefLink entityRef={p.group} />
                  )}
                </Typography>
                <LocalizedNote note={p.note} />
              </li>
            );
          })}
        </Stack>
      )}
    </>
  );
}
