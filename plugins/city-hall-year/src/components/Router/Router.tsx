import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { lazy, Suspense, type ComponentType } from 'react';
import { YearPage } from '../YearPage';
import { MovedTo } from './MovedTo';

/**
 * A page loaded when it is first opened, so that the year page, which most readers open
 * first, does not bring the editor, import and export, the charts or the diffs with it.
 */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(() =>
    load().then(m => ({ default: m[name] as unknown as ComponentType })),
  );
}

const ClarityPage = page(() => import('../ClarityPage'), 'ClarityPage');
const ConfirmationsPage = page(
  () => import('../ConfirmationsPage'),
  'ConfirmationsPage',
);
const CoursesPage = page(() => import('../Courses'), 'CoursesPage');
const CoursePage = page(() => import('../Courses'), 'CoursePage');
const CourseStepPage = page(() => import('../Courses'), 'CourseStepPage');
const CourseEditor = page(() => import('../CourseEditor'), 'CourseEditor');
const FeedsPage = page(() => import('../FeedsPage'), 'FeedsPage');
const HandoverPage = page(() => import('../HandoverPage'), 'HandoverPage');
const EntryEditorPage = page(() => import('../EntryEditor'), 'EntryEditorPage');
const EntryHistoryPage = page(
  () => import('../EntryHistory'),
  'EntryHistoryPage',
);
const EntryPage = page(() => import('../EntryPage'), 'EntryPage');
const PrintPage = page(() => import('../PrintPage'), 'PrintPage');
const IdeasPage = page(() => import('../Ideas'), 'IdeasPage');
const ProposalEditorPage = page(
  () => import('../Proposals'),
  'ProposalEditorPage',
);
const ProposalPage = page(() => import('../Proposals'), 'ProposalPage');
const ProposalsPage = page(() => import('../Proposals'), 'ProposalsPage');
const ImportExportPage = page(
  () => import('../ImportExportPage'),
  'ImportExportPage',
);

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
      <Suspense fallback={<Progress />}>
        <Routes>
          <Route path="/" element={<YearPage />} />
          <Route path="/import-export" element={<ImportExportPage />} />
          <Route path="/entries/:slug" element={<EntryPage />} />
          <Route path="/entries/:slug/edit" element={<EntryEditorPage />} />
          <Route path="/entries/:slug/history" element={<EntryHistoryPage />} />
          <Route
            path="/entries/:slug/propose"
            element={<ProposalEditorPage />}
          />
          <Route path="/proposals" element={<ProposalsPage />} />
          <Route path="/ideas" element={<IdeasPage />} />
          <Route path="/proposals/:id" element={<ProposalPage />} />
          <Route
            path="/proposals/:id/revise"
            element={<ProposalEditorPage />}
          />
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
          <Route
            path="/transfer/*"
            element={<MovedTo path="import-export" />}
          />
          <Route path="/curricula/*" element={<MovedTo path="courses" />} />
        </Routes>
      </Suspense>
    </ReactRouterV6PageRouter>
  );
}
