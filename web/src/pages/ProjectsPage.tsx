// The projects area; a placeholder until its release.
import { AreaPlaceholder } from './AreaPlaceholder';

export default function ProjectsPage() {
  return <AreaPlaceholder area="projects" />;
}
