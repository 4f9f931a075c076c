export { TextDiff } from './TextDiff';
export { textChanges, type TextChange } from './textChanges';
