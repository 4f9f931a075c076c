export { CycleChip } from './CycleChip';
export { CYCLE_STYLES } from './cycleStyles';
