// The inbox's sentence for each notification template, in Chinese and English: the engine's
// reminders and escalations, proxy moves (代理) and moves refused, copies (抄送), the urge (催办), and the notify actions of the built-in definitions.
// A custom definition's own template reads as a generic notice from its project.

export interface NotificationContext {
  template: string;
  payload: Record<string, unknown>;
  projectTitle: string;
  /** The name of the task the notification is about, when it names one. */
  taskName: string | null;
}

type Sentence = { zh: string; en: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** A date as offices read it (China Standard Time), e.g. 2026-12-07. */
const dayOf = (iso: string | undefined): string | undefined =>
  iso && !Number.isNaN(Date.parse(iso))
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso))
    : undefined;

export function notificationText({
  template,
  payload,
  projectTitle,
  taskName,
}: NotificationContext): Sentence {
  const task = taskName ?? '';
  const due = dayOf(text(payload.dueAt));
  switch (template) {
    case 'task.reminder':
      return {
        zh: `请尽快办理「${task}」（项目「${projectTitle}」）${due ? `，截止 ${due}` : ''}`,
        en: `Reminder: "${task}" in "${projectTitle}"${due ? ` is due ${due}` : ' waits for you'}`,
      };
    case 'task.escalated':
      return {
        zh: `「${task}」（项目「${projectTitle}」）逾期未办，已提请督办`,
        en: `"${task}" in "${projectTitle}" is overdue and escalated to you`,
      };
    case 'task.proxiedAway':
      return {
        zh: `您外出期间，「${task}」（项目「${projectTitle}」）已交由您的代理人办理`,
        en: `While you are away, "${task}" in "${projectTitle}" went to your proxy`,
      };
    case 'task.proxiedToYou':
      return {
        zh: `您作为代理人收到「${task}」（项目「${projectTitle}」）${due ? `，截止 ${due}` : ''}`,
        en: `As a proxy you received "${task}" in "${projectTitle}"${due ? `, due ${due}` : ''}`,
      };
    case 'proxy.moveRefused': {
      const principal = text(payload.principalName) ?? '';
      const proxy = text(payload.proxyName) ?? '';
      return {
        zh: `「${task}」（项目「${projectTitle}」）未能交给代理人${proxy}：${text(payload.reasonZh) ?? ''}。该待办仍在${principal}名下，请转办或另设代理`,
        en: `"${task}" in "${projectTitle}" could not go to the proxy ${proxy}: ${text(payload.reasonEn) ?? ''}. It is still with ${principal}: transfer it or set another proxy`,
      };
    }
    case 'task.urged': {
      const by = text(payload.urgedByName) ?? '';
      const message = text(payload.message);
      return {
        zh: `${by}催办「${task}」（项目「${projectTitle}」）${message ? `：${message}` : ''}`,
        en: `${by} urges you to act on "${task}" in "${projectTitle}"${message ? `: ${message}` : ''}`,
      };
    }
    case 'task.copied': {
      const copy = (payload.copy ?? {}) as Record<string, unknown>;
      const note = text(copy.note);
      return {
        zh: `抄送：「${task}」（项目「${projectTitle}」）${note ? `：${note}` : ''}`,
        en: `Copied to you: "${task}" in "${projectTitle}"${note ? `: ${note}` : ''}`,
      };
    }
    case 'talent.listPublished': {
      const round = text(payload.roundName) ?? projectTitle;
      return { zh: `「${round}」入选名单已公布`, en: `The selection list of "${round}" is published` };
    }
    case 'venture.landed': {
      const call = text(payload.callTitle) ?? projectTitle;
      const score = typeof payload.panelScore === 'number' ? payload.panelScore : undefined;
      return {
        zh: `公益创投项目「${call}」已落地${score === undefined ? '' : `（评审得分 ${score}）`}`,
        en: `The venture-philanthropy project "${call}" has landed${score === undefined ? '' : ` (panel score ${score})`}`,
      };
    }
    default:
      return {
        zh: `项目「${projectTitle}」的通知（${template}）`,
        en: `A notice from "${projectTitle}" (${template})`,
      };
  }
}
