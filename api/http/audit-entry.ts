// What a state-changing route tells the audit log about itself; the route layer adds who, when,
// the request id and the client address.
import type { TAuditAction, TAuditResourceType } from '../audit/audit-actions';

export interface AuditEntry {
  action: TAuditAction;
  resourceType: TAuditResourceType;
  resourceId: string | null;
  unitId: string | null;
  before?: unknown;
  after?: unknown;
  /** The acting user when no caller is signed in yet (sign-in itself). */
  actorId?: string | null;
}
