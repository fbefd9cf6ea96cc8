// 人才选拔: the selection office's rounds and a round's applications. Other roles of the talent area
// (committee members, the leading group) get their pages with the later parts of issue 12.
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../auth/session';
import { AreaPlaceholder } from '../pages/AreaPlaceholder';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';
import { PoolPage } from './terms/PoolPage';
import { TalentPage } from './terms/TalentPage';

export default function TalentArea() {
  const { user } = useSession();
  const officeUnits = (user?.roles ?? []).filter((r) => r.role === 'selection_office');
  if (officeUnits.length === 0) return <AreaPlaceholder area="talent" />;
  return (
    <Routes>
      <Route index element={<RoundsPage officeUnits={officeUnits} />} />
      <Route path="pool" element={<PoolPage />} />
      <Route path="pool/:talentId" element={<TalentPage />} />
      <Route path=":roundId" element={<RoundPage />} />
    </Routes>
  );
}
