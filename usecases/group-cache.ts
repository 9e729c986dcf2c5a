/**
 * What a function instance may remember about a group between calls: its day rule (timezone and day-start
 * hour, with its latest change), which the check-in tap needs before its transaction and would otherwise cost
 * a read of the group per tap. Everything else that changes (member count, rules, owner, the make-up policy)
 * is read fresh where it matters. Keyed by store, so tests (and the local runtime) with several stores never
 * share entries.
 *
 * Why a remembered rule is never stale where it matters: an entry is kept at most `DAY_RULE_CACHE_MS`
 * (5 minutes of the instance's clock), and a saved change of the day rule takes effect no sooner than
 * `MIN_DAY_RULE_NOTICE_MS` (an hour, `domain/day-rule-change.ts`) later, at a day boundary. So by the time the
 * new rule counts, every instance has read the group again and holds the planned change (the rule with its
 * change answers correctly before and after the switch). Any read of the group document refreshes the entry.
 *
 * @example
 *   const rule = await groupDayRule(ctx.store, groupId)   // one `groups` read per instance and group every 5 minutes, then none
 */
import { dayRuleOf, type DayRule } from '../domain/days'
import { DomainError } from '../domain/errors'
import type { GroupDoc } from '../domain/group'
import { t } from '../i18n/strings'
import type { Store } from '../store/port'

const MAX_ENTRIES = 1000
/** How long an instance keeps a group's day rule (must stay well under `MIN_DAY_RULE_NOTICE_MS`). */
export const DAY_RULE_CACHE_MS = 5 * 60_000
const rules = new WeakMap<Store, Map<string, { rule: DayRule; until: number }>>()

/** Remember the day rule of a group just read (any read of the group document may feed the cache). */
export function rememberDayRule(store: Store, group: Pick<GroupDoc, '_id' | 'timezone' | 'dayStartHour' | 'dayRuleChange'>): DayRule {
  let byGroup = rules.get(store)
  if (!byGroup) {
    byGroup = new Map()
    rules.set(store, byGroup)
  }
  const rule = dayRuleOf(group)
  if (byGroup.size >= MAX_ENTRIES) byGroup.clear()
  // The instance's own clock (not the request's `now`): this is how old the copy is.
  byGroup.set(group._id, { rule, until: Date.now() + DAY_RULE_CACHE_MS })
  return rule
}

/** The group's day rule: from this instance's cache while fresh, else one read of the group (NOT_FOUND when there is none). */
export async function groupDayRule(store: Store, groupId: string): Promise<DayRule> {
  const cached = rules.get(store)?.get(groupId)
  if (cached && cached.until > Date.now()) return cached.rule
  const group = await store.get('groups', groupId)
  if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
  return rememberDayRule(store, group)
}
