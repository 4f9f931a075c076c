export { CourseEditor } from './CourseEditor';
