/**
 * The audit log: every admin action is written down — who, what, when, on whom.
 *
 * @example
 *   auditEntry({ groupId: 'g1', actorOpenid: 'o_admin', action: 'application.approve', targetOpenid: 'o_new', at })
 */
export interface AuditLogDoc {
  _id: string
  groupId: string
  actorOpenid: string
  /** `<area>.<verb>`, e.g. `application.approve`, `member.remove`, `rules.publish`, `task.create`. */
  action: string
  targetOpenid: string | null
  /** Small, flat facts worth keeping (a reason, a version number). No personal data beyond ids. */
  detail: Record<string, string | number | boolean | null>
  at: string
}

export interface AuditInput {
  groupId: string
  actorOpenid: string
  action: string
  targetOpenid?: string | null
  detail?: AuditLogDoc['detail']
  at: Date
}

export function auditEntry(id: string, input: AuditInput): AuditLogDoc {
  return {
    _id: id,
    groupId: input.groupId,
    actorOpenid: input.actorOpenid,
    action: input.action,
    targetOpenid: input.targetOpenid ?? null,
    detail: input.detail ?? {},
    at: input.at.toISOString(),
  }
}
