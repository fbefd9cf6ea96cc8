// One sentence per event of an instance's log, in Chinese and English, for the project timeline.
import type { ProcessDefinition } from '../../workflows/engine';
import { nodeOf } from './definition-cache';
import type { TTimelineEntry } from './work.types';

export interface EventRow {
  sequence: number;
  type: string;
  payload: unknown;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
}

interface Context {
  title: string;
  definition: ProcessDefinition;
  nodeOfTask: (engineTaskId: string) => string | undefined;
}

type Payload = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const VOTES: Record<string, [zh: string, en: string]> = {
  approve: ['同意', 'approved'],
  reject: ['驳回', 'rejected'],
  return: ['退回修改', 'returned for correction'],
};

function sentence(
  type: string,
  p: Payload,
  node: { zh: string; en: string },
  title: string,
): [string, string] {
  switch (type) {
    case 'started':
      return [`发起项目「${title}」`, `started the project "${title}"`];
    case 'taskCompleted':
      return [`提交了「${node.zh}」`, `submitted "${node.en}"`];
    case 'approvalVoted': {
      const [zh, en] = VOTES[text(p.vote) ?? ''] ?? [text(p.vote) ?? '', text(p.vote) ?? ''];
      return [`在「${node.zh}」中${zh}`, `${en} at "${node.en}"`];
    }
    case 'reviewSubmitted':
      return p.recused === true
        ? [`在「${node.zh}」中声明回避`, `recused from "${node.en}"`]
        : [`提交了「${node.zh}」的评分`, `scored "${node.en}"`];
    case 'timerFired':
      return ['定时器到期', 'a timer fired'];
    case 'timerDropped':
      return ['定时器已放弃', 'a timer was dropped'];
    case 'actionCompleted':
      return ['自动操作已完成', 'an automatic action completed'];
    case 'actionFailed':
      return [`自动操作失败：${text(p.error) ?? ''}`, `an automatic action failed: ${text(p.error) ?? ''}`];
    case 'childCompleted':
      return ['子流程已结束', 'a sub-process ended'];
    case 'external':
      return [`收到外部事件「${text(p.name) ?? ''}」`, `received the event "${text(p.name) ?? ''}"`];
    case 'cancelled':
      return [`终止了项目：${text(p.reason) ?? ''}`, `terminated the project: ${text(p.reason) ?? ''}`];
    case 'variablesUpdated':
      return ['更正了流程变量', 'corrected process variables'];
    case 'incidentRetried':
      return ['重试了异常节点', 'retried an incident'];
    default:
      return [type, type];
  }
}

export function timelineEntryOf(event: EventRow, context: Context): TTimelineEntry {
  const payload = (event.payload ?? {}) as Payload;
  const taskId = text(payload.taskId);
  const nodeId = taskId ? (context.nodeOfTask(taskId) ?? null) : null;
  const name = nodeId ? (nodeOf(context.definition, nodeId)?.name ?? nodeId) : '';
  const [zh, en] = sentence(event.type, payload, { zh: name, en: name }, context.title);
  return {
    sequence: event.sequence,
    type: event.type,
    occurredAt: event.occurred_at.toISOString(),
    actor: event.actor_id ? { id: event.actor_id, displayName: event.actor_name ?? '' } : null,
    nodeId,
    text: { zh, en },
    comment: text(payload.comment) ?? null,
  };
}
