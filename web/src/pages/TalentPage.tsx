// The talent area; a placeholder until its release.
import { AreaPlaceholder } from './AreaPlaceholder';

export default function TalentPage() {
  return <AreaPlaceholder area="talent" />;
}
