import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  entryUpdatePermission,
  type Entry,
  type FaqInput,
  type FaqItem,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { cityHallYearApiRef } from '../../api';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { GuideMarkdown } from '../GuideMarkdown';
import { WrappingRow } from '../WrappingRow';
import { FaqItemDialog } from './FaqItemDialog';
import { useLocalize } from '../../hooks/useGuideLanguage';

const EMPTY: FaqInput = { question: '', answer: '' };

/**
 * An entry's FAQ (よくある質問), under its purpose: the questions readers asked most,
 * answered by the department. Whoever may change the entry adds, rewords and removes
 * items here; each change is a revision of the entry.
 */
export function EntryFaq(props: { entry: Entry; onChanged: () => void }) {
  const { entry, onChanged } = props;
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const api = useApi(cityHallYearApiRef);
  const { allowed: mayEdit } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: entry.id,
  });
  const [editing, setEditing] = useState<FaqItem | 'new' | undefined>();
  const run = useChangeRunner(onChanged);

  if (!entry.faq.length && !mayEdit) return null;

  const save = async (input: FaqInput) => {
    const item = editing;
    await run(
      () =>
        item === 'new' || !item
          ? api.addFaqItem(entry.slug, input)
          : api.updateFaqItem(entry.slug, item.id, input, entry.version),
      t('faq.saved'),
    );
    setEditing(undefined);
  };

  return (
    <EntrySection title={t('faq.title')} testId="entry-faq" id="faq">
      {/* Questions and answers are written in Japanese only. */}
      <Stack spacing={2} component="dl" sx={{ m: 0 }} lang="ja">
        {entry.faq.map(item => (
          <Stack key={item.id} spacing={0.5} data-testid="faq-item">
            <Typography
              component="dt"
              variant="subtitle1"
              sx={{ fontWeight: 'bold' }}
            >
              {`Q. ${item.question}`}
            </Typography>
            <Stack component="dd" spacing={0.5} sx={{ m: 0, pl: 2 }}>
              <GuideMarkdown content={item.answer} />
              {(item.fromQuestion || mayEdit) && (
                <WrappingRow spacing={1} alignItems="center">
                  {item.fromQuestion && (
                    <Chip
                      size="small"
                      variant="outlined"
                      label={t('faq.fromQuestion')}
                    />
                  )}
                  {mayEdit && (
                    <>
                      <Button size="small" onClick={() => setEditing(item)}>
                        {t('faq.edit')}
                      </Button>
                      <Button
                        size="small"
                        color="inherit"
                        onClick={() =>
                          run(
                            () =>
                              api.deleteFaqItem(
                                entry.slug,
                                item.id,
                                entry.version,
                              ),
                            t('faq.removed'),
                          ).catch(() => undefined)
                        }
                      >
                        {t('faq.remove')}
                      </Button>
                    </>
                  )}
                </WrappingRow>
              )}
            </Stack>
          </Stack>
        ))}
      </Stack>
      {mayEdit && (
        <Button
          sx={{ mt: 1 }}
          variant="outlined"
          size="small"
          onClick={() => setEditing('new')}
          data-testid="faq-add"
        >
          {t('faq.add')}
        </Button>
      )}
      <FaqItemDialog
        open={editing !== undefined}
        title={
          editing === 'new'
            ? t('faq.dialogAdd', { title: localize(entry.title) })
            : t('faq.dialogEdit')
        }
        initial={editing && editing !== 'new' ? editing : EMPTY}
        onClose={() => setEditing(undefined)}
        onSave={save}
      />
    </EntrySection>
  );
}
