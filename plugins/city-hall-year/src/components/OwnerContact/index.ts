export { OwnerContact } from './OwnerContact';
