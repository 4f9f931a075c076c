export { DepartmentSelect } from './DepartmentSelect';
