export { WrappingRow } from './WrappingRow';
