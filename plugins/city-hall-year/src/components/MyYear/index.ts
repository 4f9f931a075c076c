export { FirstYear } from './FirstYear';
