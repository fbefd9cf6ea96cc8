// 人才选拔: the selection office's rounds and a round's applications. Other roles of the talent area
// (committee members, the leading group) get their pages with the later parts of issue 12.
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../auth/session';
import { AreaPlaceholder } from '../pages/AreaPlaceholder';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';
import { LeadingGroupArea } from './results/LeadingGroupArea';

export default function TalentArea() {
  const { user } = useSession();
  const officeUnits = (user?.roles ?? []).filter((r) => r.role === 'selection_office');
  if (officeUnits.length === 0) {
    // The leading group reads the ranked rounds of its subtree (read-only).
    if (user?.roles.some((r) => r.role === 'leading_group')) return <LeadingGroupArea />;
    return <AreaPlaceholder area="talent" />;
  }
  return (
    <Routes>
      <Route index element={<RoundsPage officeUnits={officeUnits} />} />
      <Route path=":roundId" element={<RoundPage />} />
    </Routes>
  );
}
