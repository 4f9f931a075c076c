export { BilingualText, ContentLanguageSwitch } from './BilingualText';
