export { BilingualText } from './BilingualText';
