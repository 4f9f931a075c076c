import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useApiHolder, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { Link, VisuallyHidden } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  entryUpdatePermission,
  fiscalYearLabels,
  formatTimingNotation,
  occurrenceLabel,
  resolveFiscalYear,
  type Entry,
} from '@internal/plugin-city-hall-year-common';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useEntry } from '../../hooks/useEntry';
import { useFiscalYearParam } from '../../hooks/useFiscalYearParam';
import { useToday } from '../../hooks/useToday';
import { useYear } from '../../hooks/useYear';
import { cityHallYearApiRef } from '../../api';
import {
  curriculumStepRouteRef,
  editEntryRouteRef,
  entryHistoryRouteRef,
  entryRouteRef,
  rootRouteRef,
} from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { CycleChip } from '../CycleChip';
import { GuideMarkdown } from '../GuideMarkdown';
import { GuidePage } from '../GuidePage';
import { TRANSIENT_TOAST_MS } from '../../toasts';

function Section(props: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card variant="outlined" component="section" data-testid={props.testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

function Bilingual(props: { text: Entry['purpose'] }) {
  return (
    <>
      <div lang="ja">
        <GuideMarkdown content={props.text.ja} />
      </div>
      {props.text.en && (
        <Typography
          component="div"
          variant="body2"
          color="text.secondary"
          lang="en"
          sx={{ mt: 1 }}
        >
          <GuideMarkdown content={props.text.en} />
        </Typography>
      )}
    </>
  );
}

function Chain(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const entryLink = useRouteRef(entryRouteRef);
  const side = (slugs: string[], label: string) => (
    <Stack spacing={1} sx={{ flex: 1 }}>
      <Typography variant="overline">{label}</Typography>
      {slugs.length === 0 && <Typography color="text.secondary">—</Typography>}
      {slugs.map(slug => (
        <Link key={slug} href={entryLink({ slug })}>
          {slug}
        </Link>
      ))}
    </Stack>
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      alignItems="center"
      data-testid="entry-chain"
    >
      {side(props.entry.dependsOn, t('entry.dependsOn'))}
      <ArrowForwardIcon color="action" />
      <Chip color="primary" label={props.entry.title.ja} />
      <ArrowForwardIcon color="action" />
      {side(props.entry.feedsInto, t('entry.feedsInto'))}
    </Stack>
  );
}

function Timing(props: { entry: Entry; fiscalYear: number }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const { value: year } = useYear(props.fiscalYear);
  const occurrences =
    year?.occurrences.filter(o => o.slug === props.entry.slug) ?? [];
  const labels = fiscalYearLabels(props.fiscalYear);
  return (
    <Stack spacing={1}>
      {props.entry.timing.asNeeded && occurrences.length === 0 && (
        <Typography>{t('entry.asNeeded')}</Typography>
      )}
      {occurrences.map(o => (
        <Typography
          key={`${o.start}-${o.end}`}
          variant="h6"
          component="p"
          data-testid="entry-occurrence"
        >
          {occurrenceLabel(o, 'ja')}
          <Typography component="span" color="text.secondary">
            {' '}
            / {occurrenceLabel(o, 'en')}
          </Typography>
          {o.councilSessionLabels && (
            <Typography component="span" variant="body2" sx={{ ml: 1 }}>
              {o.councilSessionLabels.ja}
            </Typography>
          )}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {labels.ja}（{labels.en}）・{t('entry.recurs')}:{' '}
        {/* The recurring rule only: the note is shown below, and a year's override is in the dates above. */}
        {formatTimingNotation({
          ...props.entry.timing,
          note: undefined,
          overrides: [],
        })
          .split('\n')
          .join('、')}
      </Typography>
      {props.entry.timing.note && (
        <Typography variant="body2">{props.entry.timing.note.ja}</Typography>
      )}
    </Stack>
  );
}

/** The owning department's contact, from its catalog entity. */
function OwnerContact(props: { owner: string }) {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value: email } = useAsync(async () => {
    const group = await catalogApi?.getEntityByRef(props.owner);
    const profile = (
      group?.spec as { profile?: { email?: string } } | undefined
    )?.profile;
    return profile?.email;
  }, [catalogApi, props.owner]);
  return email ? (
    <Link href={`mailto:${email}`} data-testid="entry-owner-contact">
      {email}
    </Link>
  ) : null;
}

/** The training courses that link this entry, each to its step. */
function UsedInCourses(props: { slug: string }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const stepLink = useRouteRef(curriculumStepRouteRef);
  const { value } = useAsync(
    () => api.listEntryCurricula(props.slug),
    [api, props.slug],
  );
  if (!value?.length) return null;
  return (
    <Section title={t('curricula.usedIn')} testId="entry-used-in">
      <Stack spacing={0.5}>
        {value.map(course => (
          <Link
            key={course.slug}
            href={stepLink({
              slug: course.slug,
              step: String(course.position),
            })}
          >
            {course.title.ja}（
            {t('curricula.step', { position: String(course.position) })}）
          </Link>
        ))}
      </Stack>
    </Section>
  );
}

/**
 * Edit and confirm appear only when the permission framework allows them for this
 * entry; the server checks again on every request.
 */
function EntryActions(props: { entry: Entry }) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const api = useApi(cityHallYearApiRef);
  const toastApi = useApi(coreApis.toast);
  const editLink = useRouteRef(editEntryRouteRef);
  const historyLink = useRouteRef(entryHistoryRouteRef);
  const { allowed: canEdit } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: props.entry.id,
  });
  const fiscalYear = resolveFiscalYear(useToday());
  return (
    <>
      {canEdit && (
        <Button
          variant="contained"
          color="primary"
          component={RouterLink}
          to={editLink({ slug: props.entry.slug })}
          data-testid="entry-edit"
        >
          {t('editor.edit')}
        </Button>
      )}
      {canEdit && props.entry.confirmedFiscalYear !== fiscalYear && (
        <Button
          variant="outlined"
          color="inherit"
          onClick={async () => {
            await api.confirmEntry(props.entry.id, props.entry.version);
            toastApi.post({
              title: t('editor.confirmed'),
              status: 'success',
              timeout: TRANSIENT_TOAST_MS,
            });
            window.location.reload();
          }}
        >
          {t('editor.confirm')}
        </Button>
      )}
      <Button
        variant="outlined"
        color="inherit"
        component={RouterLink}
        to={historyLink({ slug: props.entry.slug })}
      >
        {t('editor.history')}
      </Button>
    </>
  );
}

/**
 * One entry: purpose first, then what happens, what it means for new staff, and the
 * rest. A course step shows it with the course's navigation and pinned fiscal year.
 */
export function EntryPage(
  props: {
    slug?: string;
    fiscalYear?: number;
    courseNavigation?: ReactNode;
  } = {},
) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const params = useParams();
  const slug = props.slug ?? params.slug ?? '';
  const requestedYear = useFiscalYearParam();
  const { value: entry, loading, error } = useEntry(slug);
  const rootLink = useRouteRef(rootRouteRef);
  const entryLink = useRouteRef(entryRouteRef);
  const toastApi = useApi(coreApis.toast);
  const appBaseUrl =
    useApi(coreApis.config).getOptionalString('app.baseUrl') ??
    window.location.origin;
  const today = useToday();
  const fiscalYear =
    props.fiscalYear ?? requestedYear ?? resolveFiscalYear(today);
  const confirmationYear = resolveFiscalYear(today);
  const currentLabels = fiscalYearLabels(fiscalYear);
  const confirmationLabels = fiscalYearLabels(confirmationYear);

  if (loading) return <Progress />;
  if (error || !entry) {
    return (
      <GuidePage title={t('entry.notFound')}>
        {error && <ResponseErrorPanel error={error} />}
      </GuidePage>
    );
  }

  const permalink = `${appBaseUrl}${entryLink({ slug: entry.slug })}`;
  const concerned = fiscalYearLabels(
    fiscalYear +
      { previous: -1, current: 0, next: 1 }[entry.concernsFiscalYear],
  );
  const updated = DateTime.fromISO(entry.updatedAt)
    .setZone('Asia/Tokyo')
    .setLocale('ja-JP')
    .toLocaleString(DateTime.DATETIME_MED);

  return (
    <GuidePage
      title={entry.title.ja}
      subtitle={entry.title.en}
      actions={
        <>
          <EntryActions entry={entry} />
          <Button
            variant="outlined"
            color="inherit"
            startIcon={<ContentCopyIcon />}
            onClick={async () => {
              await navigator.clipboard?.writeText(permalink);
              toastApi.post({
                title: t('entry.linkCopied'),
                status: 'success',
                timeout: TRANSIENT_TOAST_MS,
              });
            }}
            data-permalink={permalink}
          >
            {t('entry.copyLink')}
          </Button>
        </>
      }
    >
      {/* Gaps rather than margins, so that the grid inside keeps its own. */}
      <Stack spacing={2} useFlexGap>
        {props.courseNavigation}
        <Stack
          direction="row"
          spacing={1}
          alignItems="center"
          flexWrap="wrap"
          useFlexGap
        >
          <Link href={rootLink()}>{t('entry.back')}</Link>
          <CycleChip cycle={entry.cycle} />
          {entry.concernsFiscalYear !== 'current' && (
            <Chip
              size="small"
              label={t('entry.concerns', {
                label: `${concerned.ja} / ${concerned.en}`,
              })}
            />
          )}
          <Chip
            size="small"
            color={
              entry.confirmedFiscalYear === confirmationYear
                ? 'success'
                : 'warning'
            }
            variant="outlined"
            data-testid="entry-confirmed"
            label={
              entry.confirmedFiscalYear === confirmationYear
                ? t('entry.confirmed', { year: confirmationLabels.ja })
                : t('entry.notConfirmed', { year: confirmationLabels.ja })
            }
          />
        </Stack>
        <Typography variant="subtitle1" lang="ja">
          {entry.summary.ja}
        </Typography>
        <Grid container spacing={2}>
          <Grid item xs={12} md={8}>
            <Stack spacing={2}>
              <Section title={t('entry.purpose')} testId="entry-purpose">
                <Bilingual text={entry.purpose} />
              </Section>
              <Section
                title={t('entry.whatHappens')}
                testId="entry-what-happens"
              >
                <Bilingual text={entry.whatHappens} />
              </Section>
              <Section
                title={t('entry.forNewStaff')}
                testId="entry-for-new-staff"
              >
                <Bilingual text={entry.forNewStaff} />
              </Section>
              <Section title={t('entry.chain')}>
                <Chain entry={entry} />
              </Section>
            </Stack>
          </Grid>
          <Grid item xs={12} md={4}>
            <Stack spacing={2}>
              <Section title={t('entry.timing', { year: currentLabels.ja })}>
                <Timing entry={entry} fiscalYear={fiscalYear} />
              </Section>
              <Section title={t('entry.owner')}>
                <Stack spacing={0.5}>
                  <EntityRefLink entityRef={entry.owner} />
                  <OwnerContact owner={entry.owner} />
                </Stack>
                {entry.relatedGroups.length > 0 && (
                  <>
                    <Typography variant="overline" component="p" sx={{ mt: 1 }}>
                      {t('entry.relatedGroups')}
                    </Typography>
                    <Stack spacing={0.5}>
                      {entry.relatedGroups.map(group => (
                        <EntityRefLink key={group} entityRef={group} />
                      ))}
                    </Stack>
                  </>
                )}
              </Section>
              {entry.legalBasis.length > 0 && (
                <Section title={t('entry.legalBasis')}>
                  <Stack spacing={1}>
                    {entry.legalBasis.map((basis, i) => (
                      <div key={i}>
                        <Typography>
                          {basis.law} {basis.article}
                        </Typography>
                        {basis.note && (
                          <Typography variant="body2" color="text.secondary">
                            {basis.note}
                          </Typography>
                        )}
                      </div>
                    ))}
                  </Stack>
                </Section>
              )}
              {entry.links.length > 0 && (
                <Section title={t('entry.links')}>
                  <Stack spacing={0.5}>
                    {entry.links.map(link => (
                      <Link
                        key={link.url}
                        href={link.url}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {link.title}
                        <VisuallyHidden>
                          {`, ${t('entry.opensInNewWindow')}`}
                        </VisuallyHidden>
                      </Link>
                    ))}
                  </Stack>
                </Section>
              )}
              <UsedInCourses slug={entry.slug} />
              <Typography variant="caption" color="text.secondary">
                {t('entry.updated', {
                  who: entry.updatedBy.replace(/^user:default\//, ''),
                  when: updated,
                  version: String(entry.version),
                })}
              </Typography>
            </Stack>
          </Grid>
        </Grid>
      </Stack>
    </GuidePage>
  );
}
