export { UsedInCourses } from './UsedInCourses';
