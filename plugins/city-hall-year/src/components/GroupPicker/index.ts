export {
  GroupPicker,
  GROUP_PICKER_LIMIT,
  READABLE_WHEN_DISABLED,
} from './GroupPicker';
