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

/** The plugin's pages below its mount point. */
export function Router() {
  return (
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
  );
}
