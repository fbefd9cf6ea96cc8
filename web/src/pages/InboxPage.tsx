// The inbox area; a placeholder until its release.
import { AreaPlaceholder } from './AreaPlaceholder';

export default function InboxPage() {
  return <AreaPlaceholder area="inbox" />;
}
