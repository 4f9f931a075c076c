import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  IDEA_LIMITS,
  IDEA_STATUSES,
  IDEA_SUGGESTIONS,
  type Idea,
  type IdeaInput,
  type IdeaStatus,
  type IdeaSuggestion,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';

/** Writing a process-review idea: simpler, differently or stopped, why, and whether named. */
export function SubmitIdeaDialog(props: {
  title: string;
  onCancel: () => void;
  onSubmit: (input: IdeaInput) => Promise<void>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [suggestion, setSuggestion] = useState<IdeaSuggestion>('simplify');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = tried && !body.trim();
  const send = async () => {
    setTried(true);
    if (!body.trim()) return;
    setBusy(true);
    try {
      await props.onSubmit({ suggestion, body: body.trim(), anonymous });
    } catch {
      // Said by the change runner; the text stays for another try.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      onClose={props.onCancel}
      aria-labelledby="idea-dialog-title"
    >
      <DialogTitle id="idea-dialog-title">{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <FormControl>
            <FormLabel id="idea-suggestion-label">
              {t('ideas.suggestionLabel')}
            </FormLabel>
            <RadioGroup
              row
              aria-labelledby="idea-suggestion-label"
              value={suggestion}
              onChange={e => setSuggestion(e.target.value as IdeaSuggestion)}
            >
              {IDEA_SUGGESTIONS.map(s => (
                <FormControlLabel
                  key={s}
                  value={s}
                  control={<Radio />}
                  label={t(`ideas.suggestions.${s}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            fullWidth
            multiline
            minRows={4}
            required
            label={t('ideas.bodyLabel')}
            value={body}
            error={missing}
            helperText={missing ? t('ideas.bodyRequired') : undefined}
            onChange={e => setBody(e.target.value)}
            inputProps={{
              lang: 'ja',
              maxLength: IDEA_LIMITS.bodyLength,
              'data-testid': 'idea-body',
            }}
          />
          <FormControl>
            <FormControlLabel
              control={
                <Checkbox
                  checked={anonymous}
                  onChange={e => setAnonymous(e.target.checked)}
                  inputProps={{ 'aria-describedby': 'idea-anonymous-help' }}
                  data-testid="idea-anonymous"
                />
              }
              label={t('ideas.anonymousLabel')}
            />
            <FormHelperText id="idea-anonymous-help">
              {t('ideas.anonymousHelp')}
            </FormHelperText>
          </FormControl>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('ideas.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={send}
          data-testid="idea-send"
        >
          {t('ideas.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The review office's status and public answer to an idea. */
export function IdeaStatusDialog(props: {
  idea: Idea;
  onCancel: () => void;
  onSubmit: (status: IdeaStatus, answer: string) => Promise<void>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [status, setStatus] = useState<IdeaStatus>(
    props.idea.status === 'received' ? 'considering' : props.idea.status,
  );
  const [answer, setAnswer] = useState(props.idea.answer ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = tried && status !== 'received' && !answer.trim();
  const send = async () => {
    setTried(true);
    if (status !== 'received' && !answer.trim()) return;
    setBusy(true);
    try {
      await props.onSubmit(status, answer.trim());
    } catch {
      // Said by the change runner; the answer stays for another try.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      fullWidth
      maxWidth="sm"
      onClose={props.onCancel}
      aria-labelledby="idea-status-title"
    >
      <DialogTitle id="idea-status-title">
        {t('ideas.statusDialogTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('ideas.statusLabel')}
            value={status}
            onChange={e => setStatus(e.target.value as IdeaStatus)}
            inputProps={{ 'data-testid': 'idea-status-select' }}
          >
            {IDEA_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {t(`ideas.statuses.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            minRows={3}
            label={t('ideas.answerLabel')}
            value={answer}
            error={missing}
            helperText={missing ? t('ideas.answerRequired') : undefined}
            onChange={e => setAnswer(e.target.value)}
            inputProps={{
              lang: 'ja',
              maxLength: IDEA_LIMITS.answerLength,
              'data-testid': 'idea-answer-input',
            }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('ideas.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={send}
          data-testid="idea-status-send"
        >
          {t('ideas.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
