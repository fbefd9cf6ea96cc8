// One error model for the API: a string code, its HTTP status, and an RFC 9457 problem body with
// English and Chinese messages, the fields at fault and the request id.
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_A_CANDIDATE: 403,
  CSRF_REJECTED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNIT_IN_USE: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENT_SECRET_NOT_REPLAYABLE: 409,
  TASK_CLAIMED: 409,
  PROCESS_STATE_CONFLICT: 409,
  INCIDENT_RESOLVED: 409,
  TALENT_ROUND_STATE: 409,
  TALENT_REVIEW_INCOMPLETE: 409,
  TALENT_OBJECTIONS_PENDING: 409,
  TALENT_NOTICE_RUNNING: 409,
  DRAFT_EXISTS: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNIT_CYCLE: 422,
  WEAK_PASSWORD: 422,
  PROCESS_INPUT_INVALID: 422,
  PROXY_INVALID: 422,
  TALENT_CONFIG_INVALID: 422,
  TALENT_IMPORT_REJECTED: 422,
  TALENT_REVIEW_INVALID: 422,
  DEFINITION_KEY_INVALID: 422,
  DEFINITION_INVALID: 422,
  SIMULATION_REJECTED: 422,
  MIGRATION_INVALID: 422,
  ACCOUNT_LOCKED: 423,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  field: string;
  reason: string;
  reasonZh?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** Extra problem members; `detailZh` overrides the code's default Chinese message. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  detailZh: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
}

const titles: Record<ErrorCode, [en: string, zh: string]> = {
  VALIDATION_FAILED: ['Request validation failed', '请求内容不符合要求'],
  MALFORMED_JSON: ['Malformed JSON body', '请求内容不是有效的 JSON'],
  UNAUTHENTICATED: ['Authentication required', '请先登录'],
  INVALID_CREDENTIALS: ['Invalid username or password', '用户名或密码错误'],
  FORBIDDEN: ['Forbidden', '没有执行此操作的权限'],
  CSRF_REJECTED: ['Cross-site request rejected', '已拒绝跨站请求'],
  PASSWORD_CHANGE_REQUIRED: ['Password change required', '请先修改初始密码'],
  NOT_FOUND: ['Not found', '未找到'],
  NOT_A_CANDIDATE: ['Not yours to act on', '您不是该待办的办理人，也不具备其所需的角色与机构'],
  TASK_CLAIMED: ['Claimed by someone else', '该待办已被他人认领'],
  PROCESS_STATE_CONFLICT: ['Not possible in the process’s current state', '流程当前状态不允许此操作'],
  PROCESS_INPUT_INVALID: ['The process refused the data', '提交的数据不符合流程要求'],
  PROXY_INVALID: ['The proxy period is not possible', '代理设置不成立'],
  INCIDENT_RESOLVED: ['The incident is already resolved', '该异常已处理'],
  TALENT_ROUND_STATE: ['Not possible in the round’s current status', '选拔批次当前状态不允许此操作'],
  TALENT_REVIEW_INCOMPLETE: ['Some eligible candidates lack reviews', '尚有合格人选的评分份数不足'],
  TALENT_OBJECTIONS_PENDING: ['Some objections are not decided', '尚有公示异议未处理'],
  TALENT_NOTICE_RUNNING: ['The public notice has not run its course', '公示期尚未届满'],
  TALENT_CONFIG_INVALID: ['The round options are not valid', '选拔批次的配置不符合要求'],
  TALENT_IMPORT_REJECTED: [
    'Nothing was imported: some rows are not valid',
    '未导入任何数据：部分行不符合要求',
  ],
  TALENT_REVIEW_INVALID: ['The review change is not possible', '评审操作不成立'],
  DRAFT_EXISTS: ['The definition already has a draft', '该流程已有草稿，请先编辑或删除现有草稿'],
  DEFINITION_KEY_INVALID: ['The definition key is not valid', '流程标识不符合要求'],
  DEFINITION_INVALID: ['The definition has problems', '流程定义存在问题，请先修正'],
  SIMULATION_REJECTED: ['The dry run refused an event', '试运行中有事件被流程拒绝'],
  MIGRATION_INVALID: ['The migration does not fit the definition', '迁移请求与流程定义不符'],
  CONFLICT: ['Conflict', '与现有数据冲突'],
  UNIT_IN_USE: ['Unit still in use', '该单位仍有下级单位或进行中的流程，不能停用'],
  IDEMPOTENCY_IN_PROGRESS: ['Request with this key is still running', '相同幂等键的请求仍在处理中'],
  IDEMPOTENT_SECRET_NOT_REPLAYABLE: [
    'The secret was shown once and is not replayed',
    '此请求已执行，其中的密钥或一次性密码只显示一次，不能再次显示',
  ],
  PRECONDITION_FAILED: ['Resource changed meanwhile', '数据已被他人修改，请刷新后重试'],
  PAYLOAD_TOO_LARGE: ['Payload too large', '请求内容过大'],
  UNSUPPORTED_MEDIA_TYPE: ['Unsupported media type', '不支持的内容类型'],
  IDEMPOTENCY_KEY_REUSED: ['Idempotency key reused with another request', '幂等键已用于另一个不同的请求'],
  UNIT_CYCLE: ['Unit tree cycle', '不能把单位移动到其自身或其下级单位之下'],
  WEAK_PASSWORD: ['Password does not meet the policy', '密码不符合安全要求'],
  ACCOUNT_LOCKED: ['Account temporarily locked', '账号已被临时锁定'],
  PRECONDITION_REQUIRED: ['If-Match header required', '缺少 If-Match 请求头'],
  TOO_MANY_REQUESTS: ['Too many requests', '请求过于频繁，请稍后再试'],
  INTERNAL: ['Internal server error', '服务器内部错误'],
};

export function toProblem(error: AppError, instance?: string, requestId?: string): ProblemBody {
  const [title, titleZh] = titles[error.code];
  return {
    ...error.extra,
    type: `urn:shegong-flow:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: error.status,
    detail: error.message,
    detailZh: typeof error.extra.detailZh === 'string' ? error.extra.detailZh : titleZh,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.errors.length ? { errors: error.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
