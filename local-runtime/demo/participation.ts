/**
 * Participation in the demo reading group: the goal its notice promises (连续打卡 21 天送书), reminders after 7
 * silent days, and the month of check-ins closed day by day by the real tally — so the dashboard shows 30 days
 * of daily stats, the boards and progress pages have scores, and the inactive list has its silent members.
 *
 * @example
 *   await seedParticipation(store, new Date())  // after the check-ins; closing a closed day changes nothing
 */
import { dayRuleOf, shiftDay, todayKey } from '../../domain/days'
import type { Store } from '../../store/port'
import { timerCaller } from '../../usecases/context'
import { syncGroupCopy } from '../../usecases/participation'
import { closeGroupDays } from '../../usecases/tally'
import { DEMO_HISTORY_DAYS } from './checkin'
import { DEMO_GROUP_ID } from './personas'

export async function seedParticipation(store: Store, now: Date): Promise<void> {
  const group = await store.get('groups', DEMO_GROUP_ID)
  if (!group || group.talliedThrough) return
  const participation = { inactiveDays: 7, goal: { kind: 'streak' as const, days: 21, reward: '书' } }
  await store.update('groups', DEMO_GROUP_ID, { participation, participationVersion: 1 })
  await syncGroupCopy(store, DEMO_GROUP_ID)
  const today = todayKey(now, dayRuleOf(group))
  const days = Array.from({ length: DEMO_HISTORY_DAYS }, (_, i) => shiftDay(today, i - DEMO_HISTORY_DAYS))
  await closeGroupDays({ store, caller: timerCaller('demo'), now: () => now }, { ...group, participation, participationVersion: 1 }, days)
}
