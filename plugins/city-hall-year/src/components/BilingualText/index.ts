export { BilingualText, ContentLanguageSwitch } from './BilingualText';
export { LocalizedNote } from './LocalizedNote';
