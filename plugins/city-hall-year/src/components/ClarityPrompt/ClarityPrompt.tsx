import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  CLARITY_COMMENT_LENGTH,
  CLARITY_REASONS,
  type ClarityReason,
  type EntryClarity,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { TRANSIENT_TOAST_MS } from '../../toasts';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';

/** The index with its counts, never a bare percentage. */
export function ClarityIndex(props: { clarity: EntryClarity }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { readers, unclear } = props.clarity.counts;
  if (readers === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('clarity.noAnswers')}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" data-testid="clarity-index">
      {t('clarity.index', {
        percent: String(Math.round((unclear / readers) * 100)),
        readers: String(readers),
        unclear: String(unclear),
      })}
    </Typography>
  );
}

/**
 * 「この項目、わかりましたか？」: a reader says わかった or まだモヤモヤする, with reasons
 * if they wish, and sees the entry's モヤモヤ指数. The entry's owners and HR also see
 * the reasons and comments (the server sends them only to them), without names.
 */
export function ClarityPrompt(props: {
  entrySlug: string;
  fiscalYear?: number;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  const loaded = useAsync(
    () => api.getClarity(props.entrySlug, props.fiscalYear),
    [api, props.entrySlug, props.fiscalYear],
  );
  const [clarity, setClarity] = useState<EntryClarity>();
  const [choice, setChoice] = useState<'clear' | 'unclear'>();
  const [reasons, setReasons] = useState<ClarityReason[]>([]);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!loaded.value) return;
    setClarity(loaded.value);
    const mine = loaded.value.mine;
    if (mine) {
      setChoice(mine.clear ? 'clear' : 'unclear');
      setReasons(mine.reasons);
      setComment(mine.comment ?? '');
    }
  }, [loaded.value]);

  const send = async (clear: boolean) => {
    setSending(true);
    try {
      setClarity(
        await api.answerClarity(props.entrySlug, {
          clear,
          ...(clear ? {} : { reasons, comment: comment.trim() || undefined }),
          ...(props.fiscalYear ? { fiscalYear: props.fiscalYear } : {}),
        }),
      );
      toastApi.post({
        title: t('clarity.thanks'),
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
    } catch (error) {
      errorApi.post(error as Error);
    } finally {
      setSending(false);
    }
  };

  if (!clarity) return null;
  return (
    <EntrySection title={t('clarity.title')} testId="entry-clarity">
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          {t('clarity.lead')}
        </Typography>
        <ToggleButtonGroup
          exclusive
          value={choice ?? null}
          onChange={(_event, value: 'clear' | 'unclear' | null) => {
            if (!value) return;
            setChoice(value);
            if (value === 'clear') send(true);
          }}
          aria-label={t('clarity.title')}
          size="small"
          disabled={sending}
        >
          <ToggleButton value="clear" data-testid="clarity-clear">
            {t('clarity.clear')}
          </ToggleButton>
          <ToggleButton value="unclear" data-testid="clarity-unclear">
            {t('clarity.unclear')}
          </ToggleButton>
        </ToggleButtonGroup>
        {choice === 'unclear' && (
          <Stack
            spacing={1}
            component="fieldset"
            sx={{ border: 0, p: 0, m: 0 }}
          >
            <FormLabel component="legend">
              {t('clarity.reasonsLabel')}
            </FormLabel>
            <FormGroup>
              {CLARITY_REASONS.map(reason => (
                <FormControlLabel
                  key={reason}
                  control={
                    <Checkbox
                      size="small"
                      checked={reasons.includes(reason)}
                      onChange={e =>
                        setReasons(
                          e.target.checked
                            ? [...reasons, reason]
                            : reasons.filter(r => r !== reason),
                        )
                      }
                    />
                  }
                  label={t(`clarity.reasons.${reason}`)}
                />
              ))}
            </FormGroup>
            <TextField
              label={t('clarity.commentLabel')}
              value={comment}
              onChange={e => setComment(e.target.value)}
              inputProps={{ maxLength: CLARITY_COMMENT_LENGTH }}
              multiline
              minRows={2}
              size="small"
            />
            <div>
              <Button
                variant="contained"
                size="small"
                onClick={() => send(false)}
                disabled={sending}
                data-testid="clarity-send"
              >
                {t('clarity.send')}
              </Button>
            </div>
          </Stack>
        )}
        <ClarityIndex clarity={clarity} />
        {clarity.reasons && clarity.counts.unclear > 0 && (
          <Stack spacing={0.5} data-testid="clarity-voices">
            <Typography variant="overline" component="h3">
              {t('clarity.voices')}
            </Typography>
            {CLARITY_REASONS.filter(r => clarity.reasons![r] > 0).map(r => (
              <Typography key={r} variant="body2">
                {`${t(`clarity.reasons.${r}`)}: ${clarity.reasons![r]}`}
              </Typography>
            ))}
            {clarity.comments?.map((c, i) => (
              <Typography
                key={i}
                variant="body2"
                color="text.secondary"
                component="blockquote"
                sx={{ m: 0, pl: 1, borderLeft: 2, borderColor: 'divider' }}
              >
                {c.comment}
              </Typography>
            ))}
          </Stack>
        )}
      </Stack>
    </EntrySection>
  );
}
