import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { ConfirmationsPage } from '../ConfirmationsPage';
import {
  CurriculaPage,
  CurriculumPage,
  CurriculumStepPage,
} from '../Curricula';
import { CurriculumEditor } from '../CurriculumEditor';
import { FeedsPage } from '../FeedsPage';
import { HandoverPage } from '../HandoverPage';
import { EntryEditorPage } from '../EntryEditor';
import { EntryHistoryPage } from '../EntryHistory';
import { EntryPage } from '../EntryPage';
import { PrintPage } from '../PrintPage';
import { TransferPage } from '../TransferPage';
import { YearPage } from '../YearPage';

/**
 * The plugin's pages below its mount point, routed with React Router v6.
 *
 * The page router scopes React Router to the page in apps on the new frontend system;
 * in legacy apps, which have no app history to project, it renders the routes as they
 * are, so both exports share this one component.
 */
export function Router() {
  return (
    <ReactRouterV6PageRouter>
      <Routes>
        <Route path="/" element={<YearPage />} />
        <Route path="/transfer" element={<TransferPage />} />
        <Route path="/entries/:slug" element={<EntryPage />} />
        <Route path="/entries/:slug/edit" element={<EntryEditorPage />} />
        <Route path="/entries/:slug/history" element={<EntryHistoryPage />} />
        <Route path="/new" element={<EntryEditorPage />} />
        <Route path="/print" element={<PrintPage />} />
        <Route path="/curricula" element={<CurriculaPage />} />
        <Route path="/curricula/new" element={<CurriculumEditor />} />
        <Route path="/curricula/:slug" element={<CurriculumPage />} />
        <Route path="/curricula/:slug/edit" element={<CurriculumEditor />} />
        <Route path="/curricula/:slug/:step" element={<CurriculumStepPage />} />
        <Route path="/feeds" element={<FeedsPage />} />
        <Route path="/handover" element={<HandoverPage />} />
        <Route path="/confirmations" element={<ConfirmationsPage />} />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
