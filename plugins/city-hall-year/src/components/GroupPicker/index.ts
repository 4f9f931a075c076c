export { GroupPicker, GROUP_PICKER_LIMIT } from './GroupPicker';
