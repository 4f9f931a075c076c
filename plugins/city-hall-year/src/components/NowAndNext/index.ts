export { NowAndNext } from './NowAndNext';
