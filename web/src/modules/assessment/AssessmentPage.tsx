import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

// SCAFFOLD: the assessment module's owner replaces this shell (keep the data-assets route).
const DataAssetsPage = lazy(() => import('../data-assets/DataAssetsPage'));

/** 3. 调研: the assessment section. */
export default function AssessmentPage() {
  return (
    <div data-testid="assessment-page">
      <Routes>
        <Route path="data-assets/*" element={<DataAssetsPage />} />
      </Routes>
    </div>
  );
}
