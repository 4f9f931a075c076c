import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { ClarityPage } from '../ClarityPage';
import { ConfirmationsPage } from '../ConfirmationsPage';
import { CoursesPage, CoursePage, CourseStepPage } from '../Courses';
import { CourseEditor } from '../CourseEditor';
import { FeedsPage } from '../FeedsPage';
import { HandoverPage } from '../HandoverPage';
import { EntryEditorPage } from '../EntryEditor';
import { EntryHistoryPage } from '../EntryHistory';
import { EntryPage } from '../EntryPage';
import { PrintPage } from '../PrintPage';
import { IdeasPage } from '../Ideas';
import { ProposalEditorPage, ProposalPage, ProposalsPage } from '../Proposals';
import { ImportExportPage } from '../ImportExportPage';
import { YearPage } from '../YearPage';
import { MovedTo } from './MovedTo';

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
        <Route path="/import-export" element={<ImportExportPage />} />
        <Route path="/entries/:slug" element={<EntryPage />} />
        <Route path="/entries/:slug/edit" element={<EntryEditorPage />} />
        <Route path="/entries/:slug/history" element={<EntryHistoryPage />} />
        <Route path="/entries/:slug/propose" element={<ProposalEditorPage />} />
        <Route path="/proposals" element={<ProposalsPage />} />
        <Route path="/ideas" element={<IdeasPage />} />
        <Route path="/proposals/:id" element={<ProposalPage />} />
        <Route path="/proposals/:id/revise" element={<ProposalEditorPage />} />
        <Route path="/new" element={<EntryEditorPage />} />
        <Route path="/print" element={<PrintPage />} />
        <Route path="/courses" element={<CoursesPage />} />
        <Route path="/courses/new" element={<CourseEditor />} />
        <Route path="/courses/:slug" element={<CoursePage />} />
        <Route path="/courses/:slug/edit" element={<CourseEditor />} />
        <Route path="/courses/:slug/:step" element={<CourseStepPage />} />
        <Route path="/feeds" element={<FeedsPage />} />
        <Route path="/handover" element={<HandoverPage />} />
        <Route path="/confirmations" element={<ConfirmationsPage />} />
        <Route path="/clarity" element={<ClarityPage />} />
        {/* Addresses of earlier releases, sent on to their pages' new names. */}
        <Route path="/transfer/*" element={<MovedTo path="import-export" />} />
        <Route path="/curricula/*" element={<MovedTo path="courses" />} />
      </Routes>
    </ReactRouterV6PageRouter>
  );
}
