export { CurriculaPage } from './CurriculaPage';
export { CurriculumPage } from './CurriculumPage';
export { CurriculumStepPage } from './CurriculumStepPage';
