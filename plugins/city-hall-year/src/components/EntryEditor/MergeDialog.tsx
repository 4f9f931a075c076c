import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  changedFields,
  editableFields,
  mergeFields,
  type Entry,
  type EntryInput,
  type MergeChoices,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useActorNames } from '../../hooks/useActorNames';
import { cityHallYearTranslationRef } from '../../translation';
import { useFieldText } from '../../hooks/useFieldText';

/**
 * Shown when a save meets a newer version: every field that differs, both versions
 * side by side, and a choice per field. Saving uses the newer version's number, so
 * the merged entry replaces it without losing what either person wrote.
 */
export function MergeDialog(props: {
  mine: EntryInput;
  theirs: Entry;
  initial: MergeChoices<EntryInput>;
  onCancel: () => void;
  onMerge: (merged: EntryInput) => void;
  /**
   * The dialog's words when the two sides are not "yours" and "saved" (accepting a
   * proposal: the proposal and the entry as it is now).
   */
  labels?: {
    title: string;
    help: string;
    mine: string;
    theirs: string;
    keepMine: string;
    keepTheirs: string;
    save: string;
  };
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [choices, setChoices] = useState<MergeChoices<EntryInput>>(
    props.initial,
  );
  const theirs = editableFields(props.theirs);
  const fields = changedFields(props.mine, theirs);
  const who = useActorNames([props.theirs.updatedBy])(props.theirs.updatedBy);
  const text = useFieldText([props.mine, theirs]);
  const labels = props.labels ?? {
    title: t('editor.conflictTitle'),
    help: t('editor.conflictHelp'),
    mine: t('editor.mine'),
    theirs: t('editor.theirs', { who }),
    keepMine: t('editor.keepMine'),
    keepTheirs: t('editor.keepTheirs'),
    save: t('editor.saveMerged'),
  };
  return (
    <Dialog
      open
      maxWidth="lg"
      fullWidth
      onClose={props.onCancel}
      aria-labelledby="merge-title"
    >
      <DialogTitle id="merge-title">{labels.title}</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>{labels.help}</Typography>
        <Stack spacing={2}>
          {fields.map(field => (
            <Box
              key={field}
              data-testid={`merge-field-${field}`}
              sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}
            >
              <Typography variant="subtitle2">
                {t(`fields.${field}`)}
              </Typography>
              <Stack direction="row" spacing={2}>
                {(['mine', 'theirs'] as const).map(side => (
                  <Box key={side} sx={{ flex: 1 }}>
                    <Typography variant="caption">
                      {side === 'mine' ? labels.mine : labels.theirs}
                    </Typography>
                    <Box
                      component="pre"
                      data-testid={`merge-${side}-${field}`}
                      sx={{
                        whiteSpace: 'pre-wrap',
                        m: 0,
                        p: 1,
                        bgcolor: 'action.hover',
                        borderRadius: 1,
                        fontFamily: 'inherit',
                      }}
                    >
                      {text(
                        field,
                        side === 'mine'
                          ? props.mine[field]
                          : (props.theirs as EntryInput)[field],
                      )}
                    </Box>
                  </Box>
                ))}
              </Stack>
              <RadioGroup
                row
                value={choices[field] ?? 'mine'}
                onChange={event =>
                  setChoices({
                    ...choices,
                    [field]: event.target.value as 'mine' | 'theirs',
                  })
                }
              >
                <FormControlLabel
                  value="mine"
                  control={<Radio />}
                  label={labels.keepMine}
                />
                <FormControlLabel
                  value="theirs"
                  control={<Radio />}
                  label={labels.keepTheirs}
                />
              </RadioGroup>
            </Box>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('editor.cancel')}</Button>
        <Button
          variant="contained"
          onClick={() =>
            props.onMerge(
              mergeFields(props.mine, props.theirs as EntryInput, choices),
            )
          }
        >
          {labels.save}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
