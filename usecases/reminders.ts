/**
 * The daily reminder job: for every enabled subscription whose time of day has come (in its group's
 * timezone) and whose member has not checked in today, write an inbox entry and mark the day as reminded
 * — in one transaction, so a job that runs twice (or two instances at once) reminds once. After the
 * commit, the `checkinReminder` subscribe message goes through the notifier (sent only where its template
 * is configured); a failed send is logged and does not undo the inbox entry. Only the platform's timer
 * may run it (`platform/timer.ts` guards the function).
 *
 * @example
 *   await runDailyReminders(ctx, notifier)   // -> { considered: 2, reminded: 1, messagesSent: 0 }
 */
import { checkinId } from '../domain/checkin'
import { dayRuleOf, localTimeOfDay, todayKey } from '../domain/days'
import { memberId, type GroupDoc } from '../domain/group'
import type { ReminderRun } from '../contracts/checkin'
import { reminderDue, type ReminderSubscriptionDoc } from '../domain/reminders'
import { t } from '../i18n/strings'
import type { Notifier } from './ports/wechat'
import type { UseCaseContext } from './context'
import { deliverToInbox } from './inbox/deliver'
import { pageUrl, wechatPagePath } from '../contracts/routes'

const PAGE = 100

export async function runDailyReminders(ctx: UseCaseContext, notifier: Pick<Notifier, 'notify'>): Promise<ReminderRun> {
  const now = ctx.now()
  const groups = new Map<string, GroupDoc | null>()
  const run: ReminderRun = { considered: 0, reminded: 0, messagesSent: 0 }
  // Paged by _id (not skip), so subscriptions switched off during the run do not shift the pages.
  for (let after = ''; ; ) {
    const page: ReminderSubscriptionDoc[] = await ctx.store.find('reminderSubscriptions', {
      where: { enabled: true, _id: { gt: after } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: PAGE,
    })
    for (const subscription of page) {
      after = subscription._id
      run.considered++
      if (!groups.has(subscription.groupId)) groups.set(subscription.groupId, await ctx.store.get('groups', subscription.groupId))
      const group = groups.get(subscription.groupId)
      if (!group) continue
      const rule = dayRuleOf(group)
      const today = todayKey(now, rule)
      if (!reminderDue(subscription, { today, localTime: localTimeOfDay(now, rule.timezone) })) continue
      if (await ctx.store.get('checkins', checkinId(group._id, subscription.openid, today))) continue
      const reminded = await ctx.store.transaction(async (tx) => {
        const current = await tx.get('reminderSubscriptions', subscription._id)
        if (!current || !current.enabled || current.lastSentDay === today) return false
        if (!(await tx.get('members', memberId(group._id, subscription.openid)))) {
          await tx.update('reminderSubscriptions', subscription._id, { enabled: false })
          return false
        }
        await tx.update('reminderSubscriptions', subscription._id, { lastSentDay: today })
        await deliverToInbox(tx, {
          openid: subscription.openid,
          groupId: group._id,
          kind: 'checkin.reminder',
          title: t('reminders.inboxTitle', { group: group.name }),
          body: t('reminders.inboxBody'),
          link: pageUrl('checkin', { id: group._id }),
          at: now,
        })
        return true
      })
      if (!reminded) continue
      run.reminded++
      const sent = await notifier.notify('checkinReminder', {
        touser: subscription.openid,
        page: wechatPagePath('checkin', { id: group._id }),
        facts: { group: group.name },
      })
      if (sent) run.messagesSent++
    }
    if (page.length < PAGE) break
  }
  return run
}
