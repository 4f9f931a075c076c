export { OpenQuestionsLink } from './OpenQuestionsLink';
