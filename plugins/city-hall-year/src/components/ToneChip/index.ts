export { ToneChip, type ChipTone } from './ToneChip';
