// Every action and resource type the audit log records, with their Chinese and English labels: the
// audit entry's type admits only these, the search validates its filters against them, and the
// web's selects and the xlsx export show the labels.
import { z } from 'zod';

type Labels = readonly [zh: string, en: string];

export const AUDIT_ACTIONS = {
  'login.succeeded': ['登录成功', 'Signed in'],
  'login.failed': ['登录失败', 'Sign-in failed'],
  'login.locked': ['账号锁定期间尝试登录', 'Sign-in while locked'],
  logout: ['退出登录', 'Signed out'],
  'logout.everywhere': ['退出所有设备', 'Signed out everywhere'],
  'password.changed': ['修改密码', 'Password changed'],
  'unit.created': ['新建单位', 'Unit created'],
  'unit.updated': ['修改单位', 'Unit updated'],
  'user.created': ['新建用户', 'User created'],
  'user.updated': ['修改用户', 'User updated'],
  'user.unlocked': ['解除锁定', 'User unlocked'],
  'user.password_reset': ['重置密码', 'Password reset'],
  'assignment.created': ['分配角色', 'Role assigned'],
  'assignment.deleted': ['移除角色', 'Role removed'],
  'token.created': ['新建 API 令牌', 'API token created'],
  'token.revoked': ['吊销 API 令牌', 'API token revoked'],
  'audit.exported': ['导出审计日志', 'Audit log exported'],
  'project.started': ['发起项目', 'Project started'],
  'project.cancelled': ['终止项目', 'Project terminated'],
  'task.claimed': ['认领待办', 'Task claimed'],
  'task.unclaimed': ['退回待办至候选池', 'Task released'],
  'task.completed': ['提交待办', 'Task completed'],
  'task.voted': ['审批', 'Approval vote'],
  'task.reviewed': ['提交评审', 'Review submitted'],
  'attachment.uploaded': ['上传附件', 'Attachment uploaded'],
  'attachment.deleted': ['删除附件', 'Attachment deleted'],
  'task.reassigned': ['改派待办', 'Task reassigned'],
  'task.delegated': ['委派待办', 'Task delegated'],
  'task.resolved': ['交回委派的待办', 'Delegated task handed back'],
  'task.transferred': ['转办待办', 'Task transferred'],
  'task.commented': ['待办留言', 'Task comment'],
  'task.bulk_voted': ['批量同意', 'Bulk approval'],
  'task.returned': ['退回到此前环节', 'Returned to an earlier step'],
  'task.taken_back': ['拿回已提交的环节', 'Step taken back'],
  'task.signer_added': ['加签', 'Signer added'],
  'task.copied': ['抄送', 'Task copied'],
  'project.copies_read': ['已读抄送', 'Copies read'],
  'project.exported': ['导出项目列表', 'Project list exported'],
  'task.urged': ['催办', 'Task urged'],
  'notification.read': ['标记通知已读', 'Notification marked read'],
  'notification.read_all': ['全部通知标为已读', 'All notifications marked read'],
  'calendar.day_added': ['添加工作日历日期', 'Calendar day added'],
  'calendar.day_deleted': ['删除工作日历日期', 'Calendar day removed'],
  'proxy.created': ['设置代理', 'Proxy set'],
  'proxy.cancelled': ['取消代理', 'Proxy cancelled'],
  'incident.retried': ['重试异常', 'Incident retried'],
  'incident.resolved': ['手工处理异常', 'Incident resolved by hand'],
  'project.event_sent': ['向项目发送事件', 'Event sent to a project'],
  'project.migrated': ['迁移流程版本', 'Process version migrated'],
  'talent_round.created': ['新建选拔批次', 'Selection round created'],
  'talent_round.opened': ['开启申报', 'Application window opened'],
  'talent_round.closed': ['截止申报', 'Application window closed'],
  'talent_round.screening_started': ['开始资格审查', 'Screening started'],
  'talent_round.screening_confirmed': ['确认资格审查结果', 'Screening results confirmed'],
  'talent_round.review_closed': ['结束评审并排名', 'Review closed and candidates ranked'],
  'talent_round.notice_ended': ['结束公示', 'Public notice ended'],
  'talent_application.entered': ['录入申报', 'Application entered'],
  'talent_application.imported': ['导入申报', 'Applications imported'],
  'talent_application.amended': ['修改申报', 'Application amended'],
  'talent_application.withdrawn': ['撤回申报', 'Application withdrawn'],
  'talent_application.viewed': ['查看申报详情（含完整身份证号）', 'Application read in full'],
  'talent_application.exported': ['导出申报名单', 'Applications exported'],
  'talent_application.document_uploaded': ['上传申报材料', 'Application document uploaded'],
  'talent_application.document_downloaded': ['下载申报材料', 'Application document downloaded'],
  'talent_application.document_deleted': ['删除申报材料', 'Application document deleted'],
  'talent_review.auto_assigned': ['自动分配评审专家', 'Reviewers assigned automatically'],
  'talent_review.assigned': ['分配评审专家', 'Reviewer assigned'],
  'talent_review.unassigned': ['取消评审分配', 'Reviewer unassigned'],
  'talent_review.draft_saved': ['保存评分草稿', 'Draft scores saved'],
  'talent_review.submitted': ['提交评分', 'Scores submitted'],
  'talent_conflict.declared': ['申报回避', 'Conflict of interest declared'],
  'talent_application.screening_overridden': ['人工调整资格审查结果', 'Screening result overridden'],
  'talent_application.screening_override_cleared': ['撤销资格审查人工调整', 'Screening override cleared'],
  'talent_objection.recorded': ['登记公示异议', 'Objection recorded'],
  'talent_objection.decided': ['处理公示异议', 'Objection decided'],
  'talent.reported': [
    '报告人才情况变化（离岗、调离、违纪）',
    'Talent change reported (left, moved away, misconduct)',
  ],
  'talent_round.ranking_exported': ['导出排名结果', 'Ranking exported'],
  'talent.pool_exported': ['导出人才库', 'Talent pool exported'],
  'definition.created': ['新建流程定义', 'Process definition created'],
  'definition.draft_created': ['新建流程草稿', 'Definition draft created'],
  'definition.draft_saved': ['保存流程草稿', 'Definition draft saved'],
  'definition.draft_deleted': ['删除流程草稿', 'Definition draft deleted'],
  'definition.published': ['发布流程版本', 'Definition version published'],
} as const satisfies Record<string, Labels>;

export const AUDIT_RESOURCE_TYPES = {
  session: ['会话', 'Session'],
  user: ['用户', 'User'],
  unit: ['单位', 'Unit'],
  token: ['API 令牌', 'API token'],
  audit: ['审计日志', 'Audit log'],
  project: ['项目', 'Project'],
  task: ['待办', 'Task'],
  attachment: ['附件', 'Attachment'],
  notification: ['通知', 'Notification'],
  calendar_day: ['工作日历日期', 'Calendar day'],
  proxy: ['代理', 'Proxy'],
  incident: ['异常', 'Incident'],
  talent_round: ['选拔批次', 'Selection round'],
  talent_application: ['人才申报', 'Talent application'],
  talent_objection: ['公示异议', 'Notice objection'],
  talent: ['高层次人才', 'Talent'],
  definition: ['流程定义', 'Process definition'],
} as const satisfies Record<string, Labels>;

export type TAuditAction = keyof typeof AUDIT_ACTIONS;
export type TAuditResourceType = keyof typeof AUDIT_RESOURCE_TYPES;

export const ZAuditAction = z.enum(Object.keys(AUDIT_ACTIONS) as [TAuditAction, ...TAuditAction[]]);
export const ZAuditResourceType = z.enum(
  Object.keys(AUDIT_RESOURCE_TYPES) as [TAuditResourceType, ...TAuditResourceType[]],
);

/** The label of a stored action or resource type in a language; an unknown code shows as is. */
export function auditLabel(catalogue: Record<string, Labels>, code: string, language: 'zh' | 'en'): string {
  const labels = catalogue[code];
  return labels ? labels[language === 'zh' ? 0 : 1] : code;
}
