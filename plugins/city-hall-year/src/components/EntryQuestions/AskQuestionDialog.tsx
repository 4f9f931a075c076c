import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  DIALOGUE_LIMITS,
  type QuestionInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * The form to ask the department that owns an entry. Asking without one's name is a
 * choice made here, explained where it is made: what the department sees, and that HR
 * can see who asked.
 */
export function AskQuestionDialog(props: {
  open: boolean;
  entryTitle: string;
  onClose: () => void;
  onAsk: (input: QuestionInput) => Promise<void>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [text, setText] = useState({ title: '', body: '' });
  const [anonymous, setAnonymous] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    setSending(true);
    try {
      await props.onAsk({
        title: text.title.trim(),
        body: text.body.trim(),
        anonymous,
      });
      setText({ title: '', body: '' });
      setAnonymous(false);
    } finally {
      setSending(false);
    }
  };

  /** The question's title or body, limited as the server limits it. */
  const textField = (name: 'title' | 'body', more: TextFieldProps) => (
    <TextField
      label={t(
        name === 'title' ? 'questions.titleLabel' : 'questions.bodyLabel',
      )}
      value={text[name]}
      onChange={e => setText({ ...text, [name]: e.target.value })}
      inputProps={{
        maxLength:
          name === 'title'
            ? DIALOGUE_LIMITS.titleLength
            : DIALOGUE_LIMITS.bodyLength,
        'data-testid': `question-${name}`,
      }}
      {...more}
    />
  );

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('questions.dialogTitle', { title: props.entryTitle })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {textField('title', { required: true })}
          {textField('body', { multiline: true, minRows: 3 })}
          <div>
            <FormControlLabel
              control={
                <Checkbox
                  checked={anonymous}
                  onChange={e => setAnonymous(e.target.checked)}
                  inputProps={{ 'aria-describedby': 'question-anonymous-help' }}
                  data-testid="question-anonymous"
                />
              }
              label={t('questions.anonymousLabel')}
            />
            <FormHelperText id="question-anonymous-help">
              {t('questions.anonymousHelp')}
            </FormHelperText>
          </div>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('questions.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={sending || text.title.trim().length === 0}
          data-testid="question-submit"
        >
          {t('questions.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
