export { MonthList } from './MonthList';
