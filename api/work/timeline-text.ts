// One sentence per event of an instance's log, in Chinese and English, for the project timeline.
import { payloadFieldsOf, type ProcessDefinition } from '../../workflows/engine';
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
  /** The name a task row carries: what names the node of a task the instance's version has no longer (it migrated). */
  nameOfTask: (engineTaskId: string) => string | undefined;
}

type Payload = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const VOTES: Record<string, [zh: string, en: string]> = {
  approve: ['同意', 'approved'],
  reject: ['驳回', 'rejected'],
  return: ['退回修改', 'returned for correction'],
};

/** The person a hand-over went to, as the event named them. */
function recipientOf(p: Payload): { zh: string; en: string } {
  const to = (p.to ?? {}) as Payload;
  const name = text(to.displayName) ?? text(to.userId) ?? '';
  return { zh: name, en: name };
}

/** The people a copy (抄送) went to, as the event named them. */
function copiedTo(p: Payload): string[] {
  const to = Array.isArray(p.to) ? (p.to as Payload[]) : [];
  return to.map((holder) => text(holder.displayName) ?? text(holder.userId) ?? '');
}

function sentence(
  type: string,
  p: Payload,
  node: { zh: string; en: string },
  title: string,
  target: { zh: string; en: string },
): [string, string] {
  const to = recipientOf(p);
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
    case 'cancelled':
      return [`终止了项目：${text(p.reason) ?? ''}`, `terminated the project: ${text(p.reason) ?? ''}`];
    case 'variablesUpdated':
      return ['更正了流程变量', 'corrected process variables'];
    case 'incidentRetried':
      return ['重试了异常节点', 'retried an incident'];
    case 'incidentResolved':
      return ['手工处理了异常', 'resolved an incident by hand'];
    case 'taskReassigned':
      return [`将「${node.zh}」改派给${to.zh}`, `reassigned "${node.en}" to ${to.en}`];
    case 'taskDelegated':
      return [`将「${node.zh}」委派给${to.zh}`, `delegated "${node.en}" to ${to.en}`];
    case 'taskTransferred':
      return [`将「${node.zh}」转办给${to.zh}`, `transferred "${node.en}" to ${to.en}`];
    case 'taskResolved':
      return [`交回了委派的「${node.zh}」`, `handed "${node.en}" back to its owner`];
    case 'taskReturned':
      return [`将「${node.zh}」退回到「${target.zh}」`, `returned "${node.en}" to "${target.en}"`];
    case 'taskProxied': {
      const from =
        text(((p.from ?? {}) as Payload).displayName) ?? text(((p.from ?? {}) as Payload).userId) ?? '';
      return [
        `${from}外出，「${node.zh}」由${to.zh}代理`,
        `${from} is away: "${node.en}" goes to their proxy ${to.en}`,
      ];
    }
    case 'unitHeadChanged': {
      const unit = text(p.unitName) ?? text(p.unitId) ?? '';
      const head = text(p.headName) ?? text(p.headId);
      return head
        ? [
            `「${unit}」的负责人改为${head}，此后的负责人环节由其办理`,
            `${head} now heads "${unit}": head steps from now on go to them`,
          ]
        : [
            `「${unit}」不再设负责人，此后的负责人环节由该机构的督导（站长）办理`,
            `"${unit}" has no head now: head steps from now on go to its supervisors`,
          ];
    }
    case 'taskTakenBack':
      return [`拿回了「${node.zh}」`, `took "${node.en}" back`];
    case 'signerAdded':
      return p.position === 'before'
        ? [`在「${node.zh}」中前加签${to.zh}`, `added ${to.en} as a signer before themself at "${node.en}"`]
        : [`在「${node.zh}」中后加签${to.zh}`, `added ${to.en} as a signer after themself at "${node.en}"`];
    case 'taskCopied':
      return [
        `将「${node.zh}」抄送给${copiedTo(p).join('、')}`,
        `copied "${node.en}" to ${copiedTo(p).join(', ')}`,
      ];
    case 'taskCommented':
      return [`在「${node.zh}」中留言`, `commented on "${node.en}"`];
    default:
      return [type, type];
  }
}

/**
 * 将流程由第 1 版迁移到第 2 版, with the nodes the admin mapped to another id (old id → the new
 * node's name in the version the project now runs on).
 */
function migratedSentence(definition: ProcessDefinition, p: Payload): [string, string] {
  const from = typeof p.fromVersion === 'number' ? p.fromVersion : '';
  const to = typeof p.toVersion === 'number' ? p.toVersion : '';
  const renamed = Object.entries((p.mapping ?? {}) as Record<string, string>)
    .filter(([oldId, newId]) => oldId !== newId)
    .map(([oldId, newId]) => `${oldId} → ${nodeOf(definition, newId)?.name ?? newId}`);
  const zh = `将流程由第 ${from} 版迁移到第 ${to} 版`;
  const en = `moved the process from version ${from} to version ${to}`;
  if (renamed.length === 0) return [zh, en];
  return [`${zh}（节点对应：${renamed.join('、')}）`, `${en} (nodes mapped: ${renamed.join(', ')})`];
}

/** A payload value as a line of text shows it: lists by their count, choices joined. */
function shownValue(value: unknown): { zh: string; en: string } {
  if (Array.isArray(value))
    return value.every((item) => typeof item === 'string')
      ? { zh: value.join('、'), en: value.join(', ') }
      : { zh: `${value.length} 项`, en: `${value.length} items` };
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  const shown =
    typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return { zh: shown, en: shown };
}

/**
 * 收到外部事件「label」, with the values of the payload fields the definition declares for it
 * (undeclared payloads are any JSON and stay in the audit row).
 */
function externalSentence(definition: ProcessDefinition, p: Payload): [string, string] {
  const name = text(p.name) ?? '';
  const label = definition.eventHandlers.find((handler) => handler.event === name)?.name ?? name;
  const values = (p.payload ?? {}) as Payload;
  const shown = (payloadFieldsOf(definition, name) ?? [])
    .filter((field) => values[field.name] !== undefined && values[field.name] !== null)
    .map((field) => ({ label: field.label, value: shownValue(values[field.name]) }));
  if (shown.length === 0) return [`收到外部事件「${label}」`, `received the event "${label}"`];
  return [
    `收到外部事件「${label}」：${shown.map((item) => `${item.label}：${item.value.zh}`).join('；')}`,
    `received the event "${label}": ${shown.map((item) => `${item.label}: ${item.value.en}`).join('; ')}`,
  ];
}

export function timelineEntryOf(event: EventRow, context: Context): TTimelineEntry {
  const payload = (event.payload ?? {}) as Payload;
  // Hand-overs name the task they close as `fromTaskId`.
  const taskId = text(payload.taskId) ?? text(payload.fromTaskId);
  const nodeId = taskId ? (context.nodeOfTask(taskId) ?? null) : null;
  const name =
    taskId && nodeId
      ? (nodeOf(context.definition, nodeId)?.name ?? context.nameOfTask(taskId) ?? nodeId)
      : '';
  const toNodeId = text(payload.toNodeId);
  const targetName = toNodeId ? (nodeOf(context.definition, toNodeId)?.name ?? toNodeId) : '';
  const [zh, en] =
    event.type === 'external'
      ? externalSentence(context.definition, payload)
      : event.type === 'migrated'
        ? migratedSentence(context.definition, payload)
        : sentence(event.type, payload, { zh: name, en: name }, context.title, {
            zh: targetName,
            en: targetName,
          });
  return {
    sequence: event.sequence,
    type: event.type,
    occurredAt: event.occurred_at.toISOString(),
    actor: event.actor_id ? { id: event.actor_id, displayName: event.actor_name ?? '' } : null,
    nodeId,
    text: { zh, en },
    // A reassignment's reason and a copy's note are its remark (a termination's reason is in its sentence already).
    comment:
      text(payload.comment) ??
      (event.type === 'taskReassigned' ? text(payload.reason) : undefined) ??
      // The operator's note on an incident resolved by hand, or a copy's note.
      text(payload.note) ??
      null,
  };
}
