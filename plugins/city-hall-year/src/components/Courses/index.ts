export { CoursesPage } from './CoursesPage';
export { CoursePage } from './CoursePage';
export { CourseStepPage } from './CourseStepPage';
