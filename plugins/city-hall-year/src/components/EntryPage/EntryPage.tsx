import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { coreApis } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Link, VisuallyHidden } from '@backstage/ui';
import {
  entryUpdatePermission,
  fiscalYearLabels,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateTime } from 'luxon';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useActorNames } from '../../hooks/useActorNames';
import { useCopyToClipboardWithToast } from '../../hooks/useCopyToClipboardWithToast';
import { useContentLanguage } from '../../hooks/useContentLanguage';
import { useEntry } from '../../hooks/useEntry';
import { useFiscalYearParam } from '../../hooks/useFiscalYearParam';
import {
  inLanguage,
  useGuideLanguage,
  useLocalize,
} from '../../hooks/useGuideLanguage';
import { useToday } from '../../hooks/useToday';
import { entryRouteRef, rootRouteRef } from '../../routes';
import { cityHallYearTranslationRef } from '../../translation';
import { BilingualText, ContentLanguageSwitch } from '../BilingualText';
import { ClarityPrompt } from '../ClarityPrompt';
import { CycleChip } from '../CycleChip';
import { ToneChip } from '../ToneChip';
import { EntryActions } from '../EntryActions';
import { EntryChain } from '../EntryChain';
import { EntryFaq } from '../EntryFaq';
import { EntryQuestions } from '../EntryQuestions';
import { EntryProposals } from '../Proposals';
import { EntryIdeas } from '../Ideas';
import { EntrySection } from '../EntrySection';
import { EntryParticipants } from './EntryParticipants';
import { EntryTiming } from '../EntryTiming';
import { GuidePage } from '../GuidePage';
import { OwnerContact } from '../OwnerContact';
import { UsedInCourses } from '../UsedInCourses';
import { WrappingRow } from '../WrappingRow';

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
  const { value: entry, loading, error, retry } = useEntry(slug);
  const rootLink = useRouteRef(rootRouteRef);
  const entryLink = useRouteRef(entryRouteRef);
  const copyToClipboard = useCopyToClipboardWithToast(t('entry.linkCopied'));
  const appBaseUrl =
    useApi(coreApis.config).getOptionalString('app.baseUrl') ??
    window.location.origin;
  const today = useToday();
  const fiscalYear =
    props.fiscalYear ?? requestedYear ?? resolveFiscalYear(today);
  const confirmationYear = resolveFiscalYear(today);
  const currentLabels = fiscalYearLabels(fiscalYear);
  const confirmationLabels = fiscalYearLabels(confirmationYear);
  const actorName = useActorNames(entry ? [entry.updatedBy] : []);
  const language = useGuideLanguage();
  const localize = useLocalize();
  const content = useContentLanguage();
  const { allowed: mayEdit } = usePermission({
    permission: entryUpdatePermission,
    resourceRef: entry?.id,
  });

  // Loading again after a change (a retry) keeps the entry on screen until it is back.
  if (loading && !entry) return <Progress />;
  if (error || !entry) {
    return (
      <GuidePage title={t('entry.notFound')}>
        {error && <ResponseErrorPanel error={error} />}
      </GuidePage>
    );
  }

  const summary = inLanguage(entry.summary, content.language);
  const permalink = `${appBaseUrl}${entryLink({ slug: entry.slug })}`;
  const concerned = fiscalYearLabels(
    fiscalYear +
      { previous: -1, current: 0, next: 1 }[entry.concernsFiscalYear],
  );
  const updated = DateTime.fromISO(entry.updatedAt)
    .setZone('Asia/Tokyo')
    .setLocale(language === 'ja' ? 'ja-JP' : 'en-GB')
    .toLocaleString(DateTime.DATETIME_MED);

  return (
    <GuidePage
      title={localize(entry.title)}
      actions={
        <>
          <EntryActions entry={entry} onConfirmed={retry} />
          <Button
            variant="outlined"
            color="inherit"
            startIcon={<ContentCopyIcon />}
            onClick={() => copyToClipboard(permalink)}
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
        <WrappingRow spacing={1} alignItems="center">
          <Link href={rootLink()}>{t('entry.back')}</Link>
          <CycleChip cycle={entry.cycle} />
          {entry.concernsFiscalYear !== 'current' && (
            <Chip
              size="small"
              label={t('entry.concerns', {
                label: concerned[language],
              })}
            />
          )}
          {/* The yearly confirmation is the owners' and HR's business: a reader
              would only worry at 「まだです」. */}
          {mayEdit && (
            <ToneChip
              size="small"
              tone={
                entry.confirmedFiscalYear === confirmationYear
                  ? 'success'
                  : 'warning'
              }
              data-testid="entry-confirmed"
              label={
                entry.confirmedFiscalYear === confirmationYear
                  ? t('entry.confirmed', {
                      year: confirmationLabels[language],
                    })
                  : t('entry.notConfirmed', {
                      year: confirmationLabels[language],
                    })
              }
            />
          )}
          <ContentLanguageSwitch />
        </WrappingRow>
        <Typography
          variant="subtitle1"
          lang={summary.lang}
          data-testid="entry-summary"
        >
          {summary.text}
        </Typography>
        <Grid container spacing={2}>
          <Grid item xs={12} md={8}>
            <Stack spacing={2}>
              <EntrySection title={t('entry.purpose')} testId="entry-purpose">
                <BilingualText text={entry.purpose} />
              </EntrySection>
              <EntrySection
                title={t('entry.whatHappens')}
                testId="entry-what-happens"
              >
                <BilingualText text={entry.whatHappens} />
              </EntrySection>
              <EntrySection
                title={t('entry.forNewStaff')}
                testId="entry-for-new-staff"
              >
                <BilingualText text={entry.forNewStaff} />
              </EntrySection>
              {/* Purpose, the work, what it means for you; then what readers asked. */}
              <EntryFaq entry={entry} onChanged={retry} />
              <EntrySection title={t('entry.chain')}>
                <EntryChain entry={entry} />
              </EntrySection>
              <ClarityPrompt
                entrySlug={entry.slug}
                fiscalYear={props.fiscalYear ?? requestedYear}
              />
              <EntryQuestions entry={entry} onEntryChanged={retry} />
              <EntryProposals entry={entry} />
              <EntryIdeas entry={entry} />
            </Stack>
          </Grid>
          <Grid item xs={12} md={4}>
            <Stack spacing={2}>
              <EntrySection
                title={t('entry.timing', { year: currentLabels[language] })}
              >
                <EntryTiming entry={entry} fiscalYear={fiscalYear} />
              </EntrySection>
              <EntrySection title={t('entry.owner')}>
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
                <EntryParticipants entry={entry} />
              </EntrySection>
              {entry.legalBasis.length > 0 && (
                <EntrySection title={t('entry.legalBasis')}>
                  {/* Japanese law, in its own words. */}
                  <Stack spacing={1} lang="ja">
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
                </EntrySection>
              )}
              {entry.links.length > 0 && (
                <EntrySection title={t('entry.links')}>
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
                </EntrySection>
              )}
              <UsedInCourses slug={entry.slug} />
              <Typography variant="caption" color="text.secondary">
                {t('entry.updated', {
                  who: actorName(entry.updatedBy),
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
