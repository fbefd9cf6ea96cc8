// The runtime port's errors as API problems: the engine's refusals become 403/409/422 with its
// Chinese and English message, never a 500 for a request that does not fit the process.
import { OrchestratorError } from '../orchestrator/orchestrator';
import { AppError, type FieldError } from '../http/app-error';

/** Refusals about the data sent: the request can be corrected and sent again. */
const INPUT_CODES = new Set([
  'INPUT_INVALID',
  'FORM_INVALID',
  'PAYLOAD_INVALID',
  'REVIEW_INVALID',
  'VOTE_NOT_ALLOWED',
  'VARIABLES_INVALID',
  'EVENT_INVALID',
  'ACTION_PARAMS_INVALID',
  'FEEL_ERROR',
  'TARGET_NOT_ELIGIBLE',
  'RETURN_NOT_ALLOWED',
  'RETURN_TARGET_NOT_PASSED',
  'ASSIGNEE_UNRESOLVED',
]);

/**
 * Runs a port command, turning its refusals into problems; `fieldPrefix` names where the data sat
 * in the request body ('data' for a form), as body fields are named everywhere (`data.budgetYuan`).
 */
export async function engineCall<T>(command: () => Promise<T>, fieldPrefix = ''): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof OrchestratorError) throw problemOf(error, fieldPrefix);
    throw error;
  }
}

function problemOf(error: OrchestratorError, fieldPrefix: string): Error {
  const extra = { detailZh: error.messages.zh, engineCode: error.code };
  const fields: FieldError[] = error.details.map((d) => ({
    field: [fieldPrefix, d.field].filter(Boolean).join('.') || '(body)',
    reason: d.reason,
    // Start input and corrections come with the engine's Chinese; form issues are checked in
    // Chinese at the edge first, so what reaches here without one keeps its English.
    reasonZh: d.reasonZh ?? d.reason,
  }));
  // A refusal without field details is about the one field the command named (e.g. `toUserId`).
  if (fields.length === 0 && fieldPrefix)
    fields.push({ field: fieldPrefix, reason: error.messages.en, reasonZh: error.messages.zh });
  switch (error.code) {
    case 'NOT_A_CANDIDATE':
      return new AppError('NOT_A_CANDIDATE', error.messages.en, [], extra);
    case 'NOT_A_SUPERVISOR':
      return new AppError('FORBIDDEN', error.messages.en, [], extra);
    case 'INSTANCE_NOT_FOUND':
    case 'VERSION_NOT_FOUND':
    case 'UNIT_NOT_FOUND':
      return new AppError('NOT_FOUND', error.messages.en, [], extra);
    case 'CONFLICT':
    case 'INSTANCE_EXISTS':
      return new AppError('CONFLICT', error.messages.en, [], extra);
    case 'ACTOR_REQUIRED':
    case 'TRANSITION_NOT_RECORDED':
      return error;
    default:
      return INPUT_CODES.has(error.code)
        ? new AppError('PROCESS_INPUT_INVALID', error.messages.en, fields, extra)
        : new AppError('PROCESS_STATE_CONFLICT', error.messages.en, [], extra);
  }
}
