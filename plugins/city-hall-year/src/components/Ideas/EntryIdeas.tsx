import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type {
  Entry,
  Idea,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { useChangeRunner } from '../../hooks/useChangeRunner';
import { useLocalize } from '../../hooks/useGuideLanguage';
import { ideasRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { EntrySection } from '../EntrySection';
import { IdeaCard } from './IdeaCard';
import { IdeaStatusDialog, SubmitIdeaDialog } from './IdeaDialogs';

/**
 * 業務見直しの提案 on an entry's page (#ideas): anyone says the step could be simpler,
 * done differently or stopped; everyone reads the ideas and the review office's
 * answers; the review office answers here too.
 */
export function EntryIdeas(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const localize = useLocalize();
  const ideasLink = useRouteRef(ideasRouteRef);
  const { entry } = props;
  const list = useAsyncRetry(
    () => api.listEntryIdeas(entry.slug),
    [api, entry.slug],
  );
  const run = useChangeRunner(list.retry);
  const [writing, setWriting] = useState(false);
  const [answering, setAnswering] = useState<Idea>();
  const items = list.value?.items ?? [];
  const actorName = useActorNames(
    items.flatMap(i => [i.author, i.answeredBy].filter(Boolean) as string[]),
  );
  if (entry.status !== 'published') return null;
  return (
    <EntrySection title={t('ideas.title')} id="ideas" testId="entry-ideas">
      <Stack spacing={1.5}>
        <Typography variant="body2">{t('ideas.lead')}</Typography>
        <Stack direction="row" spacing={2} alignItems="center">
          {list.value?.abilities.submit && (
            <Button
              variant="outlined"
              onClick={() => setWriting(true)}
              data-testid="idea-submit"
            >
              {t('ideas.submit')}
            </Button>
          )}
          {list.value?.abilities.answer && (
            <Link href={ideasLink()}>{t('ideas.link')}</Link>
          )}
        </Stack>
        {list.value && items.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('ideas.none')}
          </Typography>
        )}
        {items.map(idea => (
          <IdeaCard
            key={idea.id}
            idea={idea}
            actorName={actorName}
            onAnswer={() => setAnswering(idea)}
          />
        ))}
      </Stack>
      {writing && (
        <SubmitIdeaDialog
          title={t('ideas.dialogTitle', { title: localize(entry.title) })}
          onCancel={() => setWriting(false)}
          onSubmit={async input => {
            await run(() => api.submitIdea(entry.slug, input), t('ideas.sent'));
            setWriting(false);
          }}
        />
      )}
      {answering && (
        <IdeaStatusDialog
          idea={answering}
          onCancel={() => setAnswering(undefined)}
          onSubmit={async (status, answer) => {
            await run(
              () =>
                api.setIdeaStatus(answering.id, {
                  status,
                  answer,
                  version: answering.version,
                }),
              t('ideas.answered'),
            );
            setAnswering(undefined);
          }}
        />
      )}
    </EntrySection>
  );
}
