export { NowAndNextCard } from './NowAndNextCard';
