import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { cityHallYearApiFactory } from './api';
import { rootRouteRef } from './routes';
import type { CityHallYearSearchResultDocument } from './components/SearchResultItem';

/**
 * City Hall Year for apps on the legacy frontend system.
 *
 * @public
 */
export const cityHallYearPlugin = createPlugin({
  id: 'city-hall-year',
  apis: [cityHallYearApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The year page, for `<Route path="/city-hall-year" element={<CityHallYearPage />} />`.
 *
 * @public
 */
export const CityHallYearPage: () => JSX.Element = cityHallYearPlugin.provide(
  createRoutableExtension({
    name: 'CityHallYearPage',
    component: () => import('./components/Router').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The search result item of entries and training courses, for a legacy app's search
 * page: `<CityHallYearSearchResultListItem result={document} />` for results of the
 * types `city-hall-year` and `city-hall-year-course`.
 *
 * @public
 */
export const CityHallYearSearchResultListItem: (props: {
  result?: CityHallYearSearchResultDocument;
}) => JSX.Element | null = cityHallYearPlugin.provide(
  createComponentExtension({
    name: 'CityHallYearSearchResultListItem',
    component: {
      lazy: () =>
        import('./components/SearchResultItem').then(
          m => m.CityHallYearSearchResultItem,
        ),
    },
  }),
);

/**
 * The "this month and next" card, for a legacy app's home page.
 *
 * @public
 */
export const CityHallYearNowAndNextCard: () => JSX.Element | null =
  cityHallYearPlugin.provide(
    createComponentExtension({
      name: 'CityHallYearNowAndNextCard',
      component: {
        lazy: () =>
          import('./components/NowAndNextCard').then(m => m.NowAndNextCard),
      },
    }),
  );
