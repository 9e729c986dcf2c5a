/**
 * Rules (群规) use cases: read the current rules with what changed since the version the caller last
 * acknowledged; acknowledge; publish a new version (admins). Publishing creates `ruleVersions/<g>:v<N+1>`
 * and updates the group's embedded `rules` in one transaction (a concurrent second publish of the same
 * N+1 is refused by the store as a CONFLICT, so versions never fork).
 *
 * @example
 *   await publishRules(ctx, { groupId: 'g1', clauses: ['不发广告', '每天 8 点发布任务'] })  // version 2
 *   (await getRules(ctx, { groupId: 'g1' })).changes  // [{ kind: 'added', after: '每天 8 点发布任务' }]
 */
import { dayRuleOf } from '../domain/days'
import { DomainError } from '../domain/errors'
import { canManageGroup, memberId, type RulesVersion } from '../domain/group'
import { diffClauses, normaliseClauses, ruleVersionId, rulesAckId, type ClauseChange, type RuleVersionDoc } from '../domain/rules'
import type { RulesView } from '../contracts/board'
import { t } from '../i18n/strings'
import { recordAudit } from './audit'
import type { UseCaseContext } from './context'
import { EVERY_ROLE, MANAGERS, requireRole } from './access'

export async function getRules(ctx: UseCaseContext, input: { groupId: string }): Promise<RulesView> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  // The version accepted to join is on the membership; a later acknowledgement is its own document.
  const stored = await ctx.store.get('ruleAcks', rulesAckId(group._id, openid))
  const ack = stored && stored.version >= (member.rulesAck?.version ?? 0) ? stored : (member.rulesAck ?? null)
  let changes: ClauseChange[] = []
  if (ack && ack.version < group.rules.version) {
    const seen = await ctx.store.get('ruleVersions', ruleVersionId(group._id, ack.version))
    if (seen) changes = diffClauses(seen.clauses, group.rules.clauses)
  }
  return {
    groupId: group._id,
    groupName: group.name,
    timezone: dayRuleOf(group).timezone,
    current: group.rules,
    acknowledgedVersion: ack?.version ?? null,
    changes,
    canPublish: canManageGroup(member.role),
  }
}

export async function acknowledgeRules(ctx: UseCaseContext, input: { groupId: string; version: number }): Promise<{ version: number }> {
  const { group, openid } = await requireRole(ctx, input.groupId, EVERY_ROLE)
  if (input.version !== group.rules.version) throw new DomainError('CONFLICT', t('rules.error.outdated'))
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('groups', group._id)
    if (!current || current.rules.version !== input.version) throw new DomainError('CONFLICT', t('rules.error.outdated'))
    const acknowledgedAt = ctx.now().toISOString()
    await tx.set('ruleAcks', { _id: rulesAckId(group._id, openid), groupId: group._id, openid, version: input.version, acknowledgedAt })
    // The membership's copy: the group home's 群规已更新 banner reads it with the membership, at no extra cost.
    await tx.update('members', memberId(group._id, openid), { rulesAck: { version: input.version, acknowledgedAt } })
  })
  return { version: input.version }
}

/** Publish a new version. A retry of the same request (same `requestId`, same clauses) answers the version it published. */
export async function publishRules(ctx: UseCaseContext, input: { groupId: string; clauses: string[]; requestId?: string }): Promise<RulesVersion> {
  const { group, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  const clauses = normaliseClauses(input.clauses)
  if (clauses.length === 0) throw new DomainError('INVALID_INPUT', t('rules.error.empty'), { clauses: t('rules.error.empty') })
  const at = ctx.now()
  return ctx.store.transaction(async (tx) => {
    const current = await tx.get('groups', group._id)
    if (!current) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
    // The version the group started with lives only in the group document until the first edit.
    const previousId = ruleVersionId(group._id, current.rules.version)
    const previous = await tx.get('ruleVersions', previousId)
    if (sameClauses(current.rules.clauses, clauses)) {
      if (input.requestId && previous?.requestId === input.requestId && previous.publishedBy === openid) return current.rules
      throw new DomainError('INVALID_INPUT', t('rules.error.unchanged'), { clauses: t('rules.error.unchanged') })
    }
    if (!previous) {
      await tx.create('ruleVersions', { _id: previousId, groupId: group._id, ...current.rules, publishedBy: null })
    }
    const next: RulesVersion = { version: current.rules.version + 1, clauses, publishedAt: at.toISOString() }
    const doc: RuleVersionDoc = { _id: ruleVersionId(group._id, next.version), groupId: group._id, ...next, publishedBy: openid, requestId: input.requestId ?? null }
    await tx.create('ruleVersions', doc)
    await tx.update('groups', group._id, { rules: next })
    // The publisher has read what they wrote.
    await tx.set('ruleAcks', { _id: rulesAckId(group._id, openid), groupId: group._id, openid, version: next.version, acknowledgedAt: at.toISOString() })
    await tx.update('members', memberId(group._id, openid), { rulesAck: { version: next.version, acknowledgedAt: at.toISOString() } })
    await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'rules.publish', detail: { version: next.version }, at })
    return next
  })
}

function sameClauses(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((clause, i) => clause === b[i])
}
