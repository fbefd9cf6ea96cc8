// The designer area; a placeholder until its release.
import { AreaPlaceholder } from './AreaPlaceholder';

export default function DesignerPage() {
  return <AreaPlaceholder area="designer" />;
}
