export { GuideMarkdown, joinJapaneseSoftBreaks } from './GuideMarkdown';
