import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ENTRY_LIMITS,
  type FaqInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * The form for one FAQ item: a new one, one to reword, or one made from a resolved
 * question (its title and settling answer as the starting text, to be worded for a
 * reader who never saw the conversation).
 */
export function FaqItemDialog(props: {
  open: boolean;
  title: string;
  initial: FaqInput;
  onClose: () => void;
  onSave: (input: FaqInput) => Promise<void>;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [text, setText] = useState(props.initial);
  const [saving, setSaving] = useState(false);
  const { open, initial } = props;
  useEffect(() => {
    if (open) setText(initial);
  }, [open, initial]);

  const save = async () => {
    setSaving(true);
    try {
      // Only what a FAQ item's body holds: an item being reworded comes with its id.
      await props.onSave({
        question: text.question.trim(),
        answer: text.answer.trim(),
        ...(text.fromQuestion ? { fromQuestion: text.fromQuestion } : {}),
      });
    } catch {
      // The error was shown; the text stays for another try.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-describedby="faq-dialog-help"
    >
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id="faq-dialog-help">
            {t('faq.dialogHelp')}
          </DialogContentText>
          <TextField
            label={t('faq.question')}
            value={text.question}
            onChange={e => setText({ ...text, question: e.target.value })}
            inputProps={{
              maxLength: ENTRY_LIMITS.faqQuestionLength,
              'data-testid': 'faq-question',
            }}
            required
            multiline
          />
          <TextField
            label={t('faq.answer')}
            value={text.answer}
            onChange={e => setText({ ...text, answer: e.target.value })}
            inputProps={{
              maxLength: ENTRY_LIMITS.markdownLength,
              'data-testid': 'faq-answer',
            }}
            required
            multiline
            minRows={4}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('faq.cancel')}</Button>
        <Button
          variant="contained"
          onClick={save}
          disabled={saving || !text.question.trim() || !text.answer.trim()}
          data-testid="faq-save"
        >
          {t('faq.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
