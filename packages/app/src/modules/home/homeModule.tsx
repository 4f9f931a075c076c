import { MarkdownContent } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { coreApis, createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';

/** The welcome in each of the app's languages: one at a time, as the reader chose. */
const CONTENT = {
  ja: `
## ようこそ — 市役所の一年

議会、予算、決算、計画、人事。市役所の仕事は一年の流れの中にあります。
**[市役所の一年](/city-hall-year)** を開くと、今の仕事が一年のどこにあり、
*何のために* あるのかが分かります。

- [市役所の一年](/city-hall-year) — 一年の流れを月ごとに
- [組織（カタログ）](/catalog?filters%5Bkind%5D=group) — 各課と、どの段階をどの課が担当しているか
`,
  en: `
## Welcome — City Hall Year

Council, budget, settlement, planning, personnel: the work of city hall follows the
fiscal year. **[City Hall Year](/city-hall-year)** shows where your work sits in the
year, and *what it is for*.

- [City Hall Year](/city-hall-year) — the fiscal year, month by month
- [Departments (catalog)](/catalog?filters%5Bkind%5D=group) — who owns which step
`,
};

function Welcome() {
  const languageApi = useApi(coreApis.appLanguage);
  const [{ language }, setLanguage] = useState(languageApi.getLanguage());
  useEffect(() => {
    const subscription = languageApi.language$().subscribe(setLanguage);
    return () => subscription.unsubscribe();
  }, [languageApi]);
  // Links in running text are underlined: colour alone does not set them apart
  // from the text around them in the dark theme (WCAG 1.4.1).
  return (
    <Box sx={{ '& a': { textDecoration: 'underline' } }}>
      <MarkdownContent content={CONTENT[language === 'ja' ? 'ja' : 'en']} />
    </Box>
  );
}

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'CityHallWelcome',
    description: 'Where to start as a new member of staff',
    components: async () => ({ Content: Welcome }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
