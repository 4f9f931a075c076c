export { AsNeeded } from './AsNeeded';
