// 人才选拔: the selection office's rounds, a round's applications, results and reviewer assignment; a
// committee member's 我的评审 and scoring pages; the leading group's read-only ranked rounds; the
// office's 人才库 (talent pool) with each talent's term and allowance ledger.
import { use } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../auth/session';
import { DossierPage } from './dossier/DossierPage';
import { MyReviewsPage } from './review/MyReviewsPage';
import { ScoringPage } from './review/ScoringPage';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';
import { LeadingGroupArea } from './results/LeadingGroupArea';
import { talentTextsReady } from './talent-texts';
import { PoolPage } from './terms/PoolPage';
import { TalentPage } from './terms/TalentPage';

export default function TalentArea() {
  use(talentTextsReady);
  const { user } = useSession();
  const officeUnits = (user?.roles ?? []).filter((r) => r.role === 'selection_office');
  const reviews = (user?.roles ?? []).some((r) => r.role === 'committee_member');
  // The area's third role, the leading group, reads the ranked rounds of its subtree (read-only).
  if (officeUnits.length === 0 && !reviews) return <LeadingGroupArea />;
  return (
    <Routes>
      {officeUnits.length > 0 ? (
        <Route index element={<RoundsPage officeUnits={officeUnits} />} />
      ) : (
        <Route index element={<Navigate to="reviews" replace />} />
      )}
      {officeUnits.length > 0 && <Route path="pool" element={<PoolPage />} />}
      {officeUnits.length > 0 && <Route path="pool/:talentId" element={<TalentPage office />} />}
      {officeUnits.length > 0 && <Route path=":roundId" element={<RoundPage />} />}
      {officeUnits.length > 0 && <Route path="applications/:applicationId" element={<DossierPage />} />}
      {reviews && <Route path="reviews" element={<MyReviewsPage />} />}
      {reviews && <Route path="reviews/:applicationId" element={<ScoringPage />} />}
    </Routes>
  );
}
