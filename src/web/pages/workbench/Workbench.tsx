/**
 * The role workbenches (`/console/work/*`): the queues and the case detail. The detail page is its own chunk;
 * the map inside it loads only when drawn.
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import './messages';
import QueuePage from './queue/QueuePage';

const CaseDetailPage = lazy(() => import('./detail/CaseDetailPage'));

export default function Workbench() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path="cases/:ref" element={<CaseDetailPage />} />
      <Route path="*" element={<QueuePage />} />
    </Routes>
  );
}
