/**
 * What a function instance may remember about a group between calls: only fields no use case ever changes
 * after the group is created (its day rule: timezone and day-start hour), so a cached copy is never stale.
 * Everything that changes (member count, rules, owner, the make-up policy) is read fresh where it matters.
 * Keyed by store, so tests (and the local runtime) with several stores never share entries.
 *
 * @example
 *   const rule = await groupDayRule(ctx.store, groupId)   // one `groups` read per instance and group, then none
 */
import { dayRuleOf, type DayRule } from '../domain/days'
import { DomainError } from '../domain/errors'
import type { GroupDoc } from '../domain/group'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'

const MAX_ENTRIES = 1000
const rules = new WeakMap<Store, Map<string, DayRule>>()

/** Remember the day rule of a group just read (any read of the group document may feed the cache). */
export function rememberDayRule(store: Store, group: Pick<GroupDoc, '_id' | 'timezone' | 'dayStartHour'>): DayRule {
  let byGroup = rules.get(store)
  if (!byGroup) {
    byGroup = new Map()
    rules.set(store, byGroup)
  }
  const rule = dayRuleOf(group)
  if (byGroup.size >= MAX_ENTRIES) byGroup.clear()
  byGroup.set(group._id, rule)
  return rule
}

/** The group's day rule: from this instance's cache, else one read of the group (NOT_FOUND when there is none). */
export async function groupDayRule(store: Store, groupId: string): Promise<DayRule> {
  const cached = rules.get(store)?.get(groupId)
  if (cached) return cached
  const group = await store.get('groups', groupId)
  if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
  return rememberDayRule(store, group)
}
