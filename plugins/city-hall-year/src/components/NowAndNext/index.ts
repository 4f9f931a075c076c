export { NowAndNext, nowAndNext } from './NowAndNext';
