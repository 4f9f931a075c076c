import {
  coreServices,
  createBackendModule,
  type DatabaseService,
  type LoggerService,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import type { SearchEngine } from '@backstage/plugin-search-common';
import { JapaneseLunrSearchEngine } from './JapaneseLunrSearchEngine';
import { JapaneseNgramDecoratorFactory } from './JapaneseNgramDecoratorFactory';
import { JapaneseSearchEngine } from './JapaneseSearchEngine';

/**
 * The engine search runs on: PostgreSQL's when the search plugin's database is one
 * (as `@backstage/plugin-search-backend-module-pg` would choose), else Lunr with
 * Unicode-aware words — Backstage's Lunr strips every kanji and kana from a word.
 */
export async function japaneseSearchEngine(deps: {
  config: RootConfigService;
  database: DatabaseService;
  logger: LoggerService;
}): Promise<SearchEngine> {
  const onPostgres = await PgSearchEngine.supported(deps.database);
  deps.logger.info(
    `Search finds Japanese on ${onPostgres ? 'PostgreSQL' : 'Lunr'}`,
  );
  return new JapaneseSearchEngine(
    onPostgres
      ? await PgSearchEngine.fromConfig(deps.config, deps)
      : new JapaneseLunrSearchEngine({ logger: deps.logger }),
  );
}

/**
 * Makes Backstage search find Japanese (出納閉鎖, 予算編成, 条件付採用) in every document,
 * on PostgreSQL and on the development engine alike: every document's Japanese is
 * indexed as character bigrams, and the query's too. It sets the search engine
 * itself, so it replaces `@backstage/plugin-search-backend-module-pg` (leave that
 * module out: search allows one engine).
 *
 * @public
 */
export const searchModuleJapanese = createBackendModule({
  pluginId: 'search',
  moduleId: 'japanese',
  register(reg) {
    reg.registerInit({
      deps: {
        searchEngineRegistry: searchEngineRegistryExtensionPoint,
        indexRegistry: searchIndexRegistryExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
      },
      async init({ searchEngineRegistry, indexRegistry, ...deps }) {
        indexRegistry.addDecorator({
          factory: new JapaneseNgramDecoratorFactory(),
        });
        searchEngineRegistry.setSearchEngine(await japaneseSearchEngine(deps));
      },
    });
  },
});
