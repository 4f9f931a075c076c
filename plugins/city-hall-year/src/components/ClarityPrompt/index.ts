export { ClarityIndex, ClarityPrompt } from './ClarityPrompt';
