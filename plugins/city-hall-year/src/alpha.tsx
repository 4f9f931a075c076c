import {
  compatWrapper,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { cityHallYearApiFactory } from './api';
import { rootRouteRef } from './routes';

/** The client of the backend, as an API extension. */
const cityHallYearApi = ApiBlueprint.make({
  params: defineParams => defineParams(cityHallYearApiFactory),
});

/** The year page at /city-hall-year, with its entry in the sidebar. */
const cityHallYearPage = PageBlueprint.make({
  params: {
    path: '/city-hall-year',
    title: '市役所の一年',
    icon: <EventNoteIcon />,
    routeRef: convertLegacyRouteRefs({ root: rootRouteRef }).root,
    noHeader: true,
    loader: () =>
      import('./components/Router').then(m => compatWrapper(<m.Router />)),
  },
});

/** This month and the next 30 days, as a widget of the home page. */
const nowAndNextWidget = HomePageWidgetBlueprint.make({
  name: 'now-and-next',
  params: {
    name: 'CityHallYearNowAndNext',
    // No title here: a widget's title is one fixed text, and the card says its own
    // in the reader's language.
    description: 'What is happening this month and in the next 30 days',
    components: () =>
      import('./components/NowAndNextCard').then(m => ({
        Content: () => compatWrapper(<m.NowAndNextCard />),
      })),
  },
});

/** "This department's year" on the catalog page of every Group. */
const departmentYearCard = EntityCardBlueprint.make({
  name: 'department-year',
  params: {
    filter: { kind: 'Group' },
    loader: () =>
      import('./components/DepartmentYearCard').then(m =>
        compatWrapper(<m.DepartmentYearCard />),
      ),
  },
});

/** 「レビュー待ちの提案」 on the catalog page of every Group. */
const departmentProposalsCard = EntityCardBlueprint.make({
  name: 'department-proposals',
  params: {
    filter: { kind: 'Group' },
    loader: () =>
      import('./components/Proposals').then(m =>
        compatWrapper(<m.DepartmentProposalsCard />),
      ),
  },
});

/** Entries in the app's search results, with their cycle, timing and owner. */
const searchResultItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result =>
      result.type === 'city-hall-year' ||
      result.type === 'city-hall-year-course',
    component: () =>
      import('./components/SearchResultItem').then(
        m => props =>
          compatWrapper(
            <m.CityHallYearSearchResultItem result={props.result as never} />,
          ),
      ),
  },
});

/**
 * City Hall Year for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'city-hall-year',
  info: { packageJson: () => import('../package.json') },
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    cityHallYearApi,
    cityHallYearPage,
    nowAndNextWidget,
    departmentYearCard,
    departmentProposalsCard,
    searchResultItem,
  ],
});

export { cityHallYearTranslationRef } from './translation';
