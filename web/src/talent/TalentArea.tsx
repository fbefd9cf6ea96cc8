// 人才选拔: the selection office's rounds and a round's applications and reviewer assignment; a
// committee member's 我的评审 and scoring pages. The leading group's pages arrive with the later
// parts of issue 12.
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../auth/session';
import { AreaPlaceholder } from '../pages/AreaPlaceholder';
import { MyReviewsPage } from './review/MyReviewsPage';
import { ScoringPage } from './review/ScoringPage';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';

export default function TalentArea() {
  const { user } = useSession();
  const officeUnits = (user?.roles ?? []).filter((r) => r.role === 'selection_office');
  const reviews = (user?.roles ?? []).some((r) => r.role === 'committee_member');
  if (officeUnits.length === 0 && !reviews) return <AreaPlaceholder area="talent" />;
  return (
    <Routes>
      {officeUnits.length > 0 ? (
        <Route index element={<RoundsPage officeUnits={officeUnits} />} />
      ) : (
        <Route index element={<Navigate to="reviews" replace />} />
      )}
      {officeUnits.length > 0 && <Route path=":roundId" element={<RoundPage />} />}
      {reviews && <Route path="reviews" element={<MyReviewsPage />} />}
      {reviews && <Route path="reviews/:applicationId" element={<ScoringPage />} />}
    </Routes>
  );
}
