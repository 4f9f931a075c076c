export { DepartmentYearCard } from './DepartmentYearCard';
