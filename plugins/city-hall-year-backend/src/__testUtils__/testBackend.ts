import {
  signalsServiceRef,
  type SignalPayload,
  type SignalsService,
} from '@backstage/plugin-signals-node';
import {
  coreServices,
  createServiceFactory,
  resolvePackagePath,
  type AuditorService,
  type BackendFeature,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceRef,
  type EventParams,
  type EventsService,
} from '@backstage/plugin-events-node';
import {
  notificationService,
  type NotificationSendOptions,
  type NotificationService,
} from '@backstage/plugin-notifications-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import type { Knex } from 'knex';
import {
  editableFields,
  type Entry,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { cityHallYearPlugin } from '../plugin';
import { cityHallYearPermissionPolicyModule } from '../policy/module';

/** The example organisation, as the app's catalog holds it. */
export function exampleOrganisation(): Entity[] {
  // The example organisation the package ships beside its starting content.
  const file = resolvePackagePath(
    '@city-hall-year/backstage-plugin-city-hall-year-backend',
    'examples/org.yaml',
  );
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON() as Entity)
    .filter(Boolean)
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}

/**
 * People of the example city hall with the ownership claims the app's sign-in gives
 * them: their groups and those groups' parents.
 */
export const PEOPLE = {
  finance: {
    ref: 'user:default/yamada.taro',
    claims: ['group:default/zaisei-ka', 'group:default/kikaku-zaisei-kyoku'],
  },
  council: {
    ref: 'user:default/ito.makoto',
    claims: ['group:default/giji-ka', 'group:default/gikai-jimukyoku'],
  },
  bureau: {
    ref: 'user:default/hayashi.osamu',
    claims: ['group:default/kikaku-zaisei-kyoku'],
  },
  accounting: {
    ref: 'user:default/nakamura.emi',
    claims: ['group:default/kaikei-ka'],
  },
  hr: {
    ref: 'user:default/sato.hanako',
    claims: [
      'group:default/jinji-kenshu-kakari',
      'group:default/jinji-ka',
      'group:default/somu-kyoku',
    ],
  },
  /** 行政管理課: the process-review office (`cityHallYear.reviewGroups`). */
  review: {
    ref: 'user:default/tanaka.yuki',
    claims: ['group:default/gyosei-kanri-ka', 'group:default/somu-kyoku'],
  },
  newHire: {
    ref: 'user:default/kimura.aoi',
    claims: ['group:default/shimin-kyodo-ka', 'group:default/shimin-kyoku'],
  },
} as const;

/** A person of {@link PEOPLE}. */
export type Person = keyof typeof PEOPLE;

/** The Authorization header of a person. */
export const as = (person: Person) =>
  mockCredentials.user.header(PEOPLE[person].ref);

/** Signals the plugin sent to open pages during a test. */
export class RecordingSignals implements SignalsService {
  readonly sent: SignalPayload[] = [];
  async publish(signal: SignalPayload) {
    this.sent.push(signal);
  }
}

/** Events published by the plugin during a test. */
export class RecordingEvents implements EventsService {
  readonly published: EventParams[] = [];
  async publish(params: EventParams) {
    this.published.push(params);
  }
  async subscribe() {}
}

/** Audit events of the plugin during a test, with how they ended. */
export class RecordingAuditor implements AuditorService {
  readonly events: Array<{
    eventId: string;
    outcome?: 'success' | 'fail';
    error?: string;
  }> = [];
  async createEvent(options: { eventId: string }) {
    const record: (typeof this.events)[number] = { eventId: options.eventId };
    this.events.push(record);
    return {
      success: async () => {
        record.outcome = 'success';
      },
      fail: async ({ error }: { error: Error }) => {
        record.outcome = 'fail';
        record.error = error.name;
      },
    };
  }
}

/** Notifications the plugin sent during a test. */
export class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(options: NotificationSendOptions) {
    this.sent.push(options);
  }
  /** How many notifications each recipient entity got. */
  countsByRecipient(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { recipients } of this.sent) {
      if (recipients.type !== 'entity') continue;
      for (const ref of [recipients.entityRef].flat()) {
        counts[ref] = (counts[ref] ?? 0) + 1;
      }
    }
    return counts;
  }
}

/** Scheduled tasks of a test backend, run by the test instead of a clock. */
export class CapturedTasks {
  readonly tasks = new Map<
    string,
    { fn: () => Promise<void>; scope?: string }
  >();
  async run(id: string) {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`No task ${id} was scheduled`);
    await task.fn();
  }
}

/**
 * Mock auth whose on-behalf-of tokens carry the calling plugin as actor, as real
 * tokens do. The permission backend refuses conditional requests from a user directly
 * and accepts them from a plugin acting for the user; the stock mock loses the actor.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return new Proxy(auth, {
      get(target, property, receiver) {
        if (property === 'getPluginRequestToken') {
          return async (
            options: Parameters<typeof auth.getPluginRequestToken>[0],
          ) => {
            const principal = options.onBehalfOf.principal as {
              type: string;
              userEntityRef?: string;
            };
            if (principal.type === 'user') {
              return {
                token: mockCredentials.user.token(principal.userEntityRef, {
                  actor: { subject: `plugin:${plugin.getId()}` },
                }),
              };
            }
            return target.getPluginRequestToken(options);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  },
});

/**
 * Starts the plugin with the real permission backend and the default policy, the
 * example organisation in the catalog, and one of the test databases.
 */
export async function startCityHallYearBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: {
    seed?: boolean;
    /** Another backend's database, to run two backends on one database. */
    knex?: Knex;
    /** The catalog's entities; the example organisation by default. */
    entities?: Entity[];
    notifications?: RecordingNotifications;
    /** Keys under `cityHallYear`. */
    config?: Record<string, unknown>;
    /** Top-level config keys beside `cityHallYear` (another plugin's, `backend`). */
    rootConfig?: Record<string, unknown>;
    /** Other plugins and modules to start beside this one. */
    features?: BackendFeature[];
  } = {},
) {
  const knex = options.knex ?? (await databases.init(databaseId));
  const events = new RecordingEvents();
  const auditor = new RecordingAuditor();
  const notifications = options.notifications ?? new RecordingNotifications();
  const signals = new RecordingSignals();
  const scheduled = new CapturedTasks();
  const claimsOf = new Map<string, string[]>(
    Object.values(PEOPLE).map(p => [p.ref, [p.ref, ...p.claims]]),
  );
  const { server } = await startTestBackend({
    features: [
      ...(options.features ?? []),
      cityHallYearPlugin,
      permissionPlugin,
      cityHallYearPermissionPolicyModule,
      mockServices.database.factory({ knex }),
      authWithActors,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.userInfo.mock({
        async getUserInfo(credentials: BackstageCredentials) {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: claimsOf.get(ref) ?? [ref],
          };
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          permission: { enabled: true },
          cityHallYear: {
            editorGroups: ['group:default/jinji-kenshu-kakari'],
            reviewGroups: ['group:default/gyosei-kanri-ka'],
            seed: { enabled: options.seed ?? false },
            ...options.config,
          },
          ...options.rootConfig,
        },
      }),
      catalogServiceMock.factory({
        entities: options.entities ?? exampleOrganisation(),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => notifications,
      }),
      mockServices.scheduler.mock({
        async scheduleTask(task) {
          scheduled.tasks.set(task.id, {
            fn: async () => {
              await task.fn(new AbortController().signal);
            },
            scope: task.scope,
          });
        },
      }).factory,
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => signals,
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {},
        factory: () => auditor,
      }),
    ],
  });
  return { server, knex, events, auditor, notifications, signals, scheduled };
}

let counter = 0;

/** A valid entry body, owned by the given group, with a slug no other test uses. */
export function entryBody(
  owner: string,
  overrides: Partial<EntryInput> = {},
): EntryInput {
  counter += 1;
  return {
    slug: `test-step-${process.pid}-${counter}`,
    cycle: 'budget',
    title: { ja: '予算要求', en: 'Budget requests' },
    summary: {
      ja: '各課が翌年度の予算を要求します。',
      en: 'Sections request next year’s budget.',
    },
    purpose: { ja: '限られた財源を目的に沿って配分するためです。' },
    whatHappens: { ja: '- 各課が要求書を作ります。' },
    forNewStaff: { ja: '秋は係で要求資料を作ります。' },
    legalBasis: [{ law: '地方自治法', article: '第211条' }],
    owner,
    timing: {
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 11 } }],
    },
    status: 'published',
    ...overrides,
  };
}

/**
 * The body of a `PUT /entries/:id`: the entry's editable fields with `changes` on top,
 * based on `version` (by default the entry's own).
 */
export function putBody(
  entry: Entry,
  changes: Partial<EntryInput> = {},
  version: number = entry.version,
) {
  return { ...editableFields(entry), ...changes, version };
}
