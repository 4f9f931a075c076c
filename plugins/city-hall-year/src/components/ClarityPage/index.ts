export { ClarityPage, useClarityLabel } from './ClarityPage';
