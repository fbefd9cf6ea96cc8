// The lifecycle the runtime-driven variants run: the shipped project lifecycle with its monthly
// monitoring cycle shortened to one second (so the runtime's own timer fires within the run, on
// the wall clock Temporal needs), and two effects before the project closes: a webhook to the
// funder's system (the bench's loopback receiver) and a notification to the officer. Each instance
// thus waits on one timer and two effects that only the runtime can settle.
import { builtInDefinitions } from '../workflows/definitions';
import type { ProcessDefinition } from '../workflows/engine';

export const EFFECTS_LIFECYCLE_KEY = 'project-lifecycle-bench';
/** Effects every instance of this definition causes: the webhook and the notification. */
export const EFFECTS_PER_INSTANCE = 2;

export function effectsLifecycle(webhookUrl: string): ProcessDefinition {
  const shipped = builtInDefinitions['project-lifecycle']!;
  const nodes = shipped.nodes.map((node) =>
    node.kind === 'timer' && node.timer.type === 'cycle'
      ? { ...node, timer: { ...node.timer, cycle: node.timer.cycle.replace(/\/P.+$/, '/PT1S') } }
      : node,
  );
  const effects: ProcessDefinition['nodes'] = [
    {
      id: 'reportToFunder',
      kind: 'action',
      name: '向资助方报送结项',
      action: 'webhook',
      params: { url: webhookUrl, method: 'POST', body: '={projectName: projectName, rating: rating}' },
    },
    {
      id: 'notifyOfficer',
      kind: 'action',
      name: '通知社工结项',
      action: 'notify',
      params: { template: 'project.closed', to: { starter: true }, data: '={rating: rating}' },
    },
  ];
  const edges = shipped.edges.flatMap((edge) =>
    edge.from === 'practiceCase' && edge.to === 'endCompleted'
      ? [
          { id: 'bench-practiceCase-reportToFunder', from: 'practiceCase', to: 'reportToFunder' },
          { id: 'bench-reportToFunder-notifyOfficer', from: 'reportToFunder', to: 'notifyOfficer' },
          { id: 'bench-notifyOfficer-endCompleted', from: 'notifyOfficer', to: 'endCompleted' },
        ]
      : [edge],
  );
  return { ...shipped, key: EFFECTS_LIFECYCLE_KEY, nodes: [...nodes, ...effects], edges };
}
