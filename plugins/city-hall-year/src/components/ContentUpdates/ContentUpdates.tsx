import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Link } from '@backstage/ui';
import type {
  ContentUpdateItem,
  ContentUpdateReport,
  ContentUpdateSkip,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cityHallYearApiRef } from '../../api';
import { useActorNames } from '../../hooks/useActorNames';
import { useFieldLabel } from '../../hooks/useFieldLabel';
import { useGuideLanguage, useLocalize } from '../../hooks/useGuideLanguage';
import { courseRouteRef, entryRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { FieldsDiff, type EntryState } from '../FieldsDiff';

function useDate(): (iso: string) => string {
  const language = useGuideLanguage();
  return iso =>
    DateTime.fromISO(iso)
      .setZone('Asia/Tokyo')
      .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
      .toLocaleString(DateTime.DATE_MED);
}

/** What a department has now against what the update would have written. */
function ShippedDiff(props: { skip: ContentUpdateSkip; id: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const { skip } = props;
  const { value, loading, error } = useAsync(
    async () =>
      skip.reason === 'deleted' ? undefined : api.getEntry(skip.slug),
    [api, skip.slug, skip.reason],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Stack
      spacing={1.5}
      id={props.id}
      data-testid={`content-update-diff-${skip.slug}`}
      sx={{ pl: 2, borderLeft: 2, borderColor: 'divider' }}
    >
      <Typography variant="body2" color="text.secondary">
        {value ? t('contentUpdates.diffLead') : t('contentUpdates.deletedNow')}
      </Typography>
      <FieldsDiff
        before={value as unknown as EntryState | undefined}
        after={skip.shipped as unknown as EntryState | undefined}
        fields={skip.changedFields}
        testIdPrefix={`content-update-diff-${skip.slug}`}
      />
    </Stack>
  );
}

function Skipped(props: { skip: ContentUpdateSkip; kind: 'entry' | 'course' }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const courseLink = useRouteRef(courseRouteRef);
  const actorName = useActorNames(
    props.skip.lastChangedBy ? [props.skip.lastChangedBy] : [],
  );
  const date = useDate();
  const fieldLabel = useFieldLabel();
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const { skip, kind } = props;
  const href =
    kind === 'entry'
      ? entryLink({ slug: skip.slug })
      : courseLink({ slug: skip.slug });
  return (
    <Stack
      component="li"
      spacing={0.5}
      data-testid={`content-update-skipped-${skip.slug}`}
    >
      <Typography component="span">
        {skip.reason === 'deleted' && kind === 'entry' ? (
          localize(skip.title)
        ) : (
          <Link href={href}>{localize(skip.title)}</Link>
        )}
        {' — '}
        {t(`contentUpdates.reasons.${skip.reason}`, {
          who: skip.lastChangedBy ? actorName(skip.lastChangedBy) : '',
          date: skip.lastChangedAt ? date(skip.lastChangedAt) : '',
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {skip.changedFields.map(fieldLabel).join('、')}
      </Typography>
      {skip.shipped && (
        <>
          <Button
            size="small"
            sx={{ alignSelf: 'flex-start' }}
            aria-expanded={open}
            aria-controls={open ? diffId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? t('contentUpdates.hideDiff') : t('contentUpdates.showDiff')}
          </Button>
          {open && <ShippedDiff skip={skip} id={diffId} />}
        </>
      )}
    </Stack>
  );
}

function Written(props: {
  items: ContentUpdateItem[];
  kind: 'entry' | 'course';
}) {
  const localize = useLocalize();
  const entryLink = useRouteRef(entryRouteRef);
  const courseLink = useRouteRef(courseRouteRef);
  return (
    <Stack component="ul" spacing={0.25} sx={{ m: 0, pl: 3 }}>
      {props.items.map(i => (
        <li key={i.slug}>
          <Link
            href={
              props.kind === 'entry'
                ? entryLink({ slug: i.slug })
                : courseLink({ slug: i.slug })
            }
          >
            {localize(i.title)}
          </Link>
        </li>
      ))}
    </Stack>
  );
}

function Part(props: {
  part: ContentUpdateReport['entries'];
  kind: 'entry' | 'course';
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { part, kind } = props;
  return (
    <Stack spacing={1}>
      {part.skipped.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h4">
            {t('contentUpdates.skipped')}
          </Typography>
          <Stack component="ul" spacing={1.5} sx={{ m: 0, pl: 3 }}>
            {part.skipped.map(skip => (
              <Skipped key={skip.slug} skip={skip} kind={kind} />
            ))}
          </Stack>
        </>
      )}
      {part.updated.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h4">
            {t('contentUpdates.updated')}
          </Typography>
          <Written items={part.updated} kind={kind} />
        </>
      )}
      {part.created.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h4">
            {t('contentUpdates.created')}
          </Typography>
          <Written items={part.created} kind={kind} />
        </>
      )}
    </Stack>
  );
}

/**
 * HR's view of the versioned updates of the shipped content: per update, what it
 * added and corrected, and, first, what it left as a department had written it,
 * each with the shipped text to compare, so that HR can ask the department to check.
 */
export function ContentUpdates() {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const date = useDate();
  const { value, loading, error } = useAsync(
    () => api.getContentUpdates(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) return null;
  return (
    <Stack
      spacing={2}
      component="section"
      aria-labelledby="content-updates-title"
    >
      <Typography variant="h5" component="h2" id="content-updates-title">
        {t('contentUpdates.title')}
      </Typography>
      <Typography>{t('contentUpdates.lead')}</Typography>
      {value.items.map(report => {
        const count = (key: 'created' | 'updated' | 'skipped') =>
          String(report.entries[key].length + report.courses[key].length);
        return (
          <Card
            variant="outlined"
            key={report.name}
            data-testid="content-update"
          >
            <CardContent>
              <Stack spacing={1.5}>
                <Typography variant="h6" component="h3">
                  {t('contentUpdates.applied', {
                    date: date(report.appliedAt),
                  })}
                </Typography>
                <Typography data-testid="content-update-summary">
                  {t('contentUpdates.summary', {
                    created: count('created'),
                    updated: count('updated'),
                    skipped: count('skipped'),
                  })}
                </Typography>
                <Part part={report.entries} kind="entry" />
                {(report.courses.created.length > 0 ||
                  report.courses.updated.length > 0 ||
                  report.courses.skipped.length > 0) && (
                  <>
                    <Typography variant="subtitle1" component="h4">
                      {t('contentUpdates.courses')}
                    </Typography>
                    <Part part={report.courses} kind="course" />
                  </>
                )}
              </Stack>
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}
