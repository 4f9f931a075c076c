export { YearPage } from './YearPage';
