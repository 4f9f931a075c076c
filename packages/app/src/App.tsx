import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import cityHallYearPlugin from '@city-hall-year/backstage-plugin-city-hall-year/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [
    catalogPlugin,
    cityHallYearPlugin,
    navModule,
    homeModule,
    signInModule,
    translationsModule,
  ],
});
