export { ClarityChart } from './ClarityChart';
