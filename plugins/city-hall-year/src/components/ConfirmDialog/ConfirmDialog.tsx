import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { cityHallYearTranslationRef } from '../../translation';

/**
 * Asks before something that cannot be taken back (deleting a course, revoking a
 * calendar's address): what will happen, and the two answers; Escape cancels.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const id = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="confirm-dialog"
    >
      <DialogTitle id={`${id}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-text`}>{props.text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{t('editor.cancel')}</Button>
        <Button
          color="error"
          variant="contained"
          onClick={props.onConfirm}
          data-testid="confirm-dialog-confirm"
        >
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
