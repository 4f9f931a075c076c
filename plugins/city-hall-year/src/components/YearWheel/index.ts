export { YearWheel } from './YearWheel';
