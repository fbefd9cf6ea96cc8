// The admin area; a placeholder until its release.
import { AreaPlaceholder } from './AreaPlaceholder';

export default function AdminPage() {
  return <AreaPlaceholder area="admin" />;
}
