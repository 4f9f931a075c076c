import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ENTRY_LIMITS,
  type FaqItemInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { cityHallYearTranslationRef } from '../../translation';
import { WrappingRow } from '../WrappingRow';

/**
 * The entry's FAQ in the editor: its items in order, each a question and a Markdown
 * answer, to reword, reorder, remove or add. Items keep their ids (and the question
 * they came from), so that an edit here is the same item in the history.
 */
export function FaqField(props: {
  value: FaqItemInput[];
  onChange: (items: FaqItemInput[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value: items, onChange } = props;
  const change = (index: number, changes: Partial<FaqItemInput>) =>
    onChange(
      items.map((item, i) => (i === index ? { ...item, ...changes } : item)),
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };

  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1">
        {t('editor.faq')}
      </Typography>
      {items.map((item, index) => (
        <Paper
          key={item.id ?? `new-${index}`}
          variant="outlined"
          sx={{ p: 1.5 }}
          data-testid="editor-faq-item"
        >
          <Stack spacing={1}>
            <TextField
              label={`${t('editor.faqQuestion')} ${index + 1}`}
              value={item.question}
              onChange={e => change(index, { question: e.target.value })}
              error={Boolean(props.errorOf(`faq.${index}.question`))}
              helperText={props.errorOf(`faq.${index}.question`)}
              inputProps={{ maxLength: ENTRY_LIMITS.faqQuestionLength }}
              fullWidth
              multiline
            />
            <TextField
              label={t('editor.faqAnswer')}
              value={item.answer}
              onChange={e => change(index, { answer: e.target.value })}
              error={Boolean(props.errorOf(`faq.${index}.answer`))}
              helperText={props.errorOf(`faq.${index}.answer`)}
              inputProps={{ maxLength: ENTRY_LIMITS.markdownLength }}
              fullWidth
              multiline
              minRows={2}
            />
            <WrappingRow spacing={1}>
              <Button
                size="small"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                {t('editor.faqUp')}
              </Button>
              <Button
                size="small"
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
              >
                {t('editor.faqDown')}
              </Button>
              <Button
                size="small"
                color="inherit"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                {t('editor.faqRemove')}
              </Button>
            </WrappingRow>
          </Stack>
        </Paper>
      ))}
      <div>
        <Button
          variant="outlined"
          size="small"
          disabled={items.length >= ENTRY_LIMITS.faqCount}
          onClick={() => onChange([...items, { question: '', answer: '' }])}
          data-testid="editor-faq-add"
        >
          {t('editor.faqAdd')}
        </Button>
      </div>
    </Stack>
  );
}
