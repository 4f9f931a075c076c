import { Route, Routes } from 'react-router-dom';
import { EntryPage } from '../EntryPage';
import { TransferPage } from '../TransferPage';
import { YearPage } from '../YearPage';

/** The plugin's pages below its mount point. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<YearPage />} />
      <Route path="/transfer" element={<TransferPage />} />
      <Route path="/entries/:slug" element={<EntryPage />} />
    </Routes>
  );
}
