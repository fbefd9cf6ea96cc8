// The one-line summaries nodes, panels and the find box show: who a task goes to, how an approval
// decides, when a timer fires ("每年一次，共 4 次"), in the interface language.
import type { TFunction } from 'i18next';
import { findAction } from '../../../../workflows/engine/action-catalog.js';
import type {
  ApprovalPolicy,
  AssigneeRule,
  NodeOf,
  ProcessDefinition,
  ProcessEdge,
} from '../../../../workflows/engine/definition-schema.js';
import { parseCycleParts, parseDurationParts, type DurationParts } from '../duration-parts.js';

export function describeAssignee(rule: AssigneeRule, t: TFunction): string {
  switch (rule.type) {
    case 'role':
      return `${t(`roles.${rule.role}`)} · ${t(`designer.scope.${rule.scope}`)}`;
    case 'user':
      return t('designer.assignee.namedUser');
    case 'starter':
      return t('designer.assignee.starter');
    case 'variable':
      return t('designer.assignee.fromVariable', { name: rule.name });
    case 'unitHead':
      return t('designer.assignee.unitHeadUp', { levels: rule.levelsUp });
  }
}

export function describePolicy(policy: ApprovalPolicy, seats: number, t: TFunction): string {
  return policy.type === 'quorum'
    ? t('designer.policy.quorumOf', { n: policy.n, seats })
    : t(`designer.policy.${policy.type}`);
}

export function describeDuration(text: string, t: TFunction): string {
  const parts = parseDurationParts(text);
  return parts ? amountOf(parts, t) : text;
}

const amountOf = ({ amount, unit }: DurationParts, t: TFunction) =>
  t('designer.duration.amount', { amount, unit: t(`designer.duration.units.${unit}`) });

/** "每年一次，共 4 次", "每 2 周一次，直到条件成立", "2026-03-01", "等待 5 个工作日". */
export function describeTimer(timer: NodeOf<'timer'>['timer'], t: TFunction): string {
  switch (timer.type) {
    case 'duration':
      return t('designer.timer.waitFor', { duration: describeDuration(timer.duration, t) });
    case 'date':
      return timer.date !== undefined
        ? t('designer.timer.onDate', { date: timer.date })
        : t('designer.timer.onVariable', { name: timer.dateVariable ?? '' });
    case 'cycle': {
      const cycle = parseCycleParts(timer.cycle);
      if (!cycle) return timer.cycle;
      const every =
        cycle.every.amount === 1
          ? t(`designer.duration.units.${cycle.every.unit}`)
          : amountOf(cycle.every, t);
      return cycle.count === undefined
        ? t('designer.timer.cycleUntil', { every })
        : t('designer.timer.cycleCount', { every, count: cycle.count });
    }
  }
}

export function describeAction(action: string, language: string): string {
  const entry = findAction(action);
  if (!entry) return action;
  return language.startsWith('zh') ? entry.description.zh : entry.description.en;
}

const OUTCOMES = ['approve', 'reject', 'return', 'done', 'error'] as const;
/** Outcomes an end node gives its project, those of the shipped definitions among them. */
const END_OUTCOMES = [
  'completed',
  'approved',
  'rejected',
  'terminated',
  'cancelled',
  'withdrawn',
  'aborted',
  'revoked',
  'published',
  'notSelected',
  'termCompleted',
] as const;

/**
 * An edge's or an end node's outcome in words (通过, 不通过, 已完成 …); one the designer does not know
 * stays as written, its code being all there is to show.
 */
export function describeOutcome(outcome: string, t: TFunction): string {
  const route = OUTCOMES.find((candidate) => candidate === outcome);
  if (route) return t(`designer.outcomes.${route}`);
  const end = END_OUTCOMES.find((candidate) => candidate === outcome);
  return end ? t(`designer.endOutcomes.${end}`) : outcome;
}

/** An edge's label on the canvas: its own label, else its outcome, condition or default mark. */
export function describeEdge(edge: ProcessEdge, t: TFunction): string | undefined {
  if (edge.label) return edge.label;
  if (edge.outcome !== undefined) return describeOutcome(edge.outcome, t);
  if (edge.default) return t('designer.edge.defaultMark');
  return edge.condition;
}

/** An edge as assistive technology says it, by node names: 连线：审批 → 办理任务（不通过）. */
export function describeEdgeForReader(
  definition: ProcessDefinition,
  edge: ProcessEdge,
  t: TFunction,
): string {
  const name = (id: string) => definition.nodes.find((node) => node.id === id)?.name || id;
  const label = describeEdge(edge, t);
  const names = { from: name(edge.from), to: name(edge.to) };
  return label === undefined
    ? t('designer.flowA11y.edge', names)
    : t('designer.flowA11y.edgeLabelled', { ...names, label });
}
