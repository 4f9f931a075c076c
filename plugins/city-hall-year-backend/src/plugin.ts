import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  cityHallYearPermissions,
  DIALOGUE_LIMITS,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { registerYearActions } from './actions/yearActions';
import { DatabaseClarityStore } from './database/DatabaseClarityStore';
import { DatabaseCourseStore } from './database/DatabaseCourseStore';
import { DatabaseEntryStore } from './database/DatabaseEntryStore';
import { DatabaseFeedTokenStore } from './database/DatabaseFeedTokenStore';
import { DatabaseLastSeenStore } from './database/DatabaseLastSeenStore';
import { DatabaseIdeaStore } from './database/DatabaseIdeaStore';
import { DatabaseProgressStore } from './database/DatabaseProgressStore';
import { DatabaseProposalStore } from './database/DatabaseProposalStore';
import { DatabaseQuestionStore } from './database/DatabaseQuestionStore';
import { DatabaseReminderClaimStore } from './database/DatabaseReminderClaimStore';
import { entryPermissionRules, entryResourceRef } from './permissions/rules';
import { AnswerCache } from './service/AnswerCache';
import { ChangeService } from './service/ChangeService';
import { CatalogNames } from './service/CatalogNames';
import { NewStaffDirectory } from './service/NewStaffDirectory';
import { PeopleDirectory, readAudiences } from './service/PeopleDirectory';
import { PersonalYear, readPersonalYearConfig } from './service/PersonalYear';
import { ProgressService } from './service/ProgressService';
import { ClarityService } from './service/ClarityService';
import type { EntryWriteDeps } from './service/context';
import { seedStartingContent } from './service/contentSeed';
import { updateStartingContent } from './service/contentUpdate';
import { seedStartingDialogue } from './service/dialogueSeed';
import { CourseService } from './service/CourseService';
import { FeedService } from './service/FeedService';
import { HandoverService } from './service/HandoverService';
import { ReminderService } from './service/ReminderService';
import { EntryAuthorizer } from './service/EntryAuthorizer';
import { EntryService } from './service/EntryService';
import { EntryValidator } from './service/EntryValidator';
import { ImportExportService } from './service/ImportExportService';
import { FaqService } from './service/FaqService';
import { QuestionService } from './service/QuestionService';
import { IdeaService } from './service/IdeaService';
import { ProposalService } from './service/ProposalService';
import { createRouter } from './service/router';
import { YearService } from './service/YearService';

/**
 * City Hall Year backend plugin: entries of the city hall's fiscal year under
 * /api/city-hall-year.
 *
 * @public
 */
export const cityHallYearPlugin = createBackendPlugin({
  pluginId: 'city-hall-year',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const {
          config,
          database,
          httpAuth,
          httpRouter,
          logger,
          permissionsRegistry,
        } = deps;
        const store = await DatabaseEntryStore.create({ database });
        const courseStore = new DatabaseCourseStore(store.client);

        permissionsRegistry.addResourceType({
          resourceRef: entryResourceRef,
          permissions: cityHallYearPermissions,
          rules: Object.values(entryPermissionRules),
          // Deleted entries too: bringing one back is authorized on the deleted entry.
          getResources: ids =>
            store.getEntriesByIds(ids, { includeDeleted: true }),
        });
        permissionsRegistry.addPermissions(cityHallYearPermissions);

        if (config.getOptionalBoolean('cityHallYear.seed.enabled') ?? true) {
          await seedStartingContent({
            entries: store,
            courses: courseStore,
            logger,
          });
          await seedStartingDialogue({
            db: store.client,
            entries: store,
            logger,
          });
        }
        if (config.getOptionalBoolean('cityHallYear.seed.updates') ?? true) {
          // Only a database that holds the starting content (on a new one, just
          // loaded, there is nothing to change).
          await updateStartingContent({ entries: store, logger });
        }

        const authorizer = new EntryAuthorizer(
          deps.permissions,
          permissionsRegistry,
        );
        const answers = new AnswerCache({
          generation: () => store.generation(),
          cache: deps.cache,
          logger,
        });
        const yearService = new YearService(store, authorizer, logger, answers);
        const validator = new EntryValidator(deps.catalog);
        const entryWrites: EntryWriteDeps = {
          store,
          authorizer,
          validator,
          auditor: deps.auditor,
          events: deps.events,
          logger,
        };
        const entryService = new EntryService(entryWrites);
        const names = new CatalogNames({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        const importExportService = new ImportExportService({
          ...entryWrites,
          names,
        });
        const handoverService = new HandoverService({
          ...entryWrites,
          auth: deps.auth,
        });
        const questionStore = new DatabaseQuestionStore(store.client);
        const clarityStore = new DatabaseClarityStore(store.client);
        const cacheSeconds = config.getOptionalNumber(
          'cityHallYear.people.cacheSeconds',
        );
        const people = new PeopleDirectory({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          ...(cacheSeconds !== undefined
            ? { cacheMs: Math.max(0, cacheSeconds) * 1000 }
            : {}),
        });
        const personalYear = new PersonalYear({
          people,
          config: readPersonalYearConfig(config),
        });
        const appBaseUrl = config.getString('app.baseUrl').replace(/\/+$/, '');
        const feedService = new FeedService({
          tokens: new DatabaseFeedTokenStore(store.client),
          courses: courseStore,
          years: yearService,
          answers,
          auditor: deps.auditor,
          logger,
          appBaseUrl,
          names,
          personalYear,
        });
        registerYearActions({
          actionsRegistry: deps.actionsRegistry,
          years: yearService,
          names,
          appBaseUrl,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            yearService,
            entryService,
            importExportService,
            courses: new CourseService({
              store: courseStore,
              entries: store,
              years: yearService,
              authorizer,
              auditor: deps.auditor,
              logger,
            }),
            progress: new ProgressService({
              progress: new DatabaseProgressStore(store.client),
              courses: courseStore,
              clarity: clarityStore,
              years: yearService,
              authorizer,
              auditor: deps.auditor,
              people,
              audiences: readAudiences(config),
            }),
            personalYear,
            feeds: feedService,
            handover: handoverService,
            changes: new ChangeService({
              store,
              lastSeen: new DatabaseLastSeenStore(store.client),
              authorizer,
            }),
            questions: new QuestionService({
              questions: questionStore,
              entries: store,
              authorizer,
              auditor: deps.auditor,
              logger,
              notifications: deps.notifications,
              signals: deps.signals,
              postsPerMinute:
                config.getOptionalNumber(
                  'cityHallYear.dialogue.postsPerMinute',
                ) ?? DIALOGUE_LIMITS.postsPerMinute,
            }),
            faq: new FaqService({
              entries: store,
              authorizer,
              entryService,
              questions: questionStore,
              signals: deps.signals,
              logger,
            }),
            clarity: new ClarityService({
              clarity: clarityStore,
              entries: store,
              courses: courseStore,
              questions: questionStore,
              authorizer,
              auditor: deps.auditor,
              newStaff: new NewStaffDirectory({
                catalog: deps.catalog,
                auth: deps.auth,
                logger,
              }),
            }),
            proposals: new ProposalService({
              ...entryWrites,
              proposals: new DatabaseProposalStore(store.client),
              entryService,
              notifications: deps.notifications,
            }),
            ideas: new IdeaService({
              ideas: new DatabaseIdeaStore(store.client),
              entries: store,
              authorizer,
              auditor: deps.auditor,
              logger,
              names,
              reviewGroups:
                config.getOptionalStringArray('cityHallYear.reviewGroups') ??
                [],
              notifications: deps.notifications,
            }),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Calendar apps cannot send Backstage tokens: the feed checks its own token.
        httpRouter.addAuthPolicy({ path: '/feeds', allow: 'unauthenticated' });

        if (
          config.getOptionalBoolean('cityHallYear.reminders.enabled') ??
          true
        ) {
          const reminders = new ReminderService({
            years: yearService,
            claims: new DatabaseReminderClaimStore(store.client),
            handover: handoverService,
            notifications: deps.notifications,
            logger,
            daysBefore:
              config.getOptionalNumber('cityHallYear.reminders.daysBefore') ??
              14,
            editorGroups:
              config.getOptionalStringArray('cityHallYear.editorGroups') ?? [],
          });
          await deps.scheduler.scheduleTask({
            id: 'city-hall-year-reminders',
            frequency: {
              cron:
                config.getOptionalString('cityHallYear.reminders.schedule') ??
                '15 * * * *',
            },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 1 },
            // One replica runs it; the reminder log makes overlapping runs harmless too.
            scope: 'global',
            fn: async () => {
              await reminders.run(new Date());
            },
          });
        }
      },
    });
  },
});
