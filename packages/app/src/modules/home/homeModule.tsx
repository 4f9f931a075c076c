import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## ようこそ — 市役所の一年

議会、予算、決算、計画、人事。市役所の仕事は一年の流れの中にあります。
**[市役所の一年](/city-hall-year)** を開くと、今の仕事が一年のどこにあり、
*何のために* あるのかが分かります。

- [市役所の一年](/city-hall-year) — the city hall's fiscal year, month by month
- [組織（カタログ）](/catalog?filters%5Bkind%5D=group) — departments and who owns which step
`;

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'CityHallWelcome',
    title: '市役所の一年 / City Hall Year',
    description: 'Where to start as a new member of staff',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
