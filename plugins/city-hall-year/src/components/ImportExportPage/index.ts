export { ImportExportPage } from './ImportExportPage';
