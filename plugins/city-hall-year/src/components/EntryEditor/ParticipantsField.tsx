import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ENTRY_LIMITS,
  PARTICIPANT_ROLES,
  type EntryInput,
  type ParticipantRole,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { cityHallYearTranslationRef } from '../../translation';
import { GroupPicker } from '../GroupPicker';
import { WrappingRow } from '../WrappingRow';

type Participant = NonNullable<EntryInput['participants']>[number];

/** The choice of who in a row: a role, or a specific Group. */
type Who = ParticipantRole | 'group';

/**
 * Who takes part in the step besides its owner (参加者): each a role or a Group, with
 * what they do there, in Japanese and English. None means only the owner.
 */
export function ParticipantsField(props: {
  value: Participant[];
  onChange: (participants: Participant[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value: items, onChange } = props;
  const change = (index: number, next: Participant) =>
    onChange(items.map((item, i) => (i === index ? next : item)));
  const used = new Set(items.map(p => ('role' in p ? p.role : 'group')));
  const noteOf = (p: Participant, language: 'ja' | 'en', text: string) => {
    const note = { ja: p.note?.ja ?? '', en: p.note?.en, [language]: text };
    const kept =
      note.ja || note.en
        ? { note: { ja: note.ja, ...(note.en ? { en: note.en } : {}) } }
        : {};
    return 'role' in p
      ? { role: p.role, ...kept }
      : { group: p.group, ...kept };
  };

  return (
    <Stack
      spacing={1}
      component="fieldset"
      sx={{ border: 0, p: 0, m: 0 }}
      data-testid="editor-participants"
    >
      <Typography component="legend" variant="subtitle1">
        {t('editor.participants')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('editor.participantsHelp')}
      </Typography>
      {items.map((item, index) => {
        const who: Who = 'role' in item ? item.role : 'group';
        const error =
          props.errorOf(`participants.${index}`) ??
          props.errorOf(`participants.${index}.group`) ??
          props.errorOf(`participants.${index}.note.ja`);
        return (
          <Paper
            key={index}
            variant="outlined"
            sx={{ p: 1.5 }}
            data-testid={`editor-participant-${index}`}
          >
            <Stack spacing={1}>
              <WrappingRow spacing={1} alignItems="flex-start">
                <TextField
                  select
                  label={t('editor.participantWho')}
                  value={who}
                  sx={{ minWidth: 200 }}
                  onChange={e => {
                    const next = e.target.value as Who;
                    change(
                      index,
                      next === 'group'
                        ? {
                            group: '',
                            ...(item.note ? { note: item.note } : {}),
                          }
                        : {
                            role: next,
                            ...(item.note ? { note: item.note } : {}),
                          },
                    );
                  }}
                  inputProps={{
                    'data-testid': `editor-participant-${index}-who`,
                  }}
                >
                  {PARTICIPANT_ROLES.map(role => (
                    <MenuItem
                      key={role}
                      value={role}
                      disabled={used.has(role) && role !== who}
                    >
                      {t(`participants.${role}`)}
                    </MenuItem>
                  ))}
                  <MenuItem value="group">
                    {t('editor.participantGroup')}
                  </MenuItem>
                </TextField>
                {who === 'group' && (
                  <Box sx={{ minWidth: 240, flex: 1 }}>
                    <GroupPicker
                      label={t('editor.participantGroup')}
                      value={'group' in item ? item.group : ''}
                      onChange={group =>
                        change(index, {
                          group,
                          ...(item.note ? { note: item.note } : {}),
                        })
                      }
                      testId={`editor-participant-${index}-group`}
                    />
                  </Box>
                )}
                <Button
                  color="inherit"
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  {t('editor.participantRemove')}
                </Button>
              </WrappingRow>
              <TextField
                label={t('editor.participantNoteJa')}
                value={item.note?.ja ?? ''}
                onChange={e =>
                  change(index, noteOf(item, 'ja', e.target.value))
                }
                inputProps={{
                  maxLength: ENTRY_LIMITS.noteLength,
                  lang: 'ja',
                  'data-testid': `editor-participant-${index}-note-ja`,
                }}
                error={Boolean(error)}
                helperText={error}
                fullWidth
              />
              <TextField
                label={t('editor.participantNoteEn')}
                value={item.note?.en ?? ''}
                onChange={e =>
                  change(index, noteOf(item, 'en', e.target.value))
                }
                inputProps={{ maxLength: ENTRY_LIMITS.noteLength, lang: 'en' }}
                fullWidth
              />
            </Stack>
          </Paper>
        );
      })}
      <div>
        <Button
          variant="outlined"
          disabled={items.length >= ENTRY_LIMITS.listLength}
          onClick={() => {
            const free = PARTICIPANT_ROLES.find(r => !used.has(r));
            onChange([...items, free ? { role: free } : { group: '' }]);
          }}
          data-testid="editor-participant-add"
        >
          {t('editor.participantAdd')}
        </Button>
      </div>
    </Stack>
  );
}
