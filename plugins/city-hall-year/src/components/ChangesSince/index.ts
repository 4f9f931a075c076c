export { ChangesSinceBanner, useChangesSince } from './ChangesSince';
