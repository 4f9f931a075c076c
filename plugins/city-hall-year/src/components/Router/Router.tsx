import { Route, Routes } from 'react-router-dom';
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
    </Routes>
  );
}
