export { CurriculumEditor } from './CurriculumEditor';
