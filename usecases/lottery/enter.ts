/**
 * A member enters a lottery: once (the entry's `_id` is (lottery, member), so concurrent taps make one entry
 * and the others answer it with `created: false`), only while entries are open, only when eligible (told
 * exactly why not: 「还差 3 次打卡」), with tickets = check-ins in the period, capped.
 *
 * The race with the close: the entry transaction reads its shard of the entry gate, refuses when it is shut,
 * and writes it (count + 1) with the entry. The close writes every shard, so CloudBase aborts whichever of the
 * two commits second; a re-run entry finds the shard shut and is refused, nothing written. An entry therefore
 * either committed before the close (and the draw reads it) or is refused — never lost in between.
 *
 * Cost on CloudBase: 3 reads (lottery, membership, own entry) + the group once per instance + 1 count of
 * check-ins when the rule counts them + 1 transaction (shard read, entry insert, shard update) + 1 count
 * (the entrant count shown) — 7 or 8 operations; a repeat tap 3–4.
 *
 * @example
 *   await enterLottery(ctx, services, { lotteryId, nonce: '00ff…' })   // { created: true, myEntry: { tickets: 5, … }, entrantCount: 37 }
 */
import type { EnterResult } from '../../contracts/lottery'
import { DomainError } from '../../domain/errors'
import { formatNickname, memberId } from '../../domain/group'
import { lotteryEntryDocId, lotteryShardId, maskName, shardOf, ticketsFor, type LotteryEntryDoc } from '../../domain/lottery'
import { eventCreditPatch, groupCopyOf } from '../../domain/participation'
import { todayKey } from '../../domain/days'
import { t } from '../../i18n/strings'
import { StoreConflictError } from '../../store/port'
import type { UseCaseContext } from '../context'
import { groupDayRule } from '../group-cache'
import { EVERY_ROLE } from '../access'
import { closeEntries } from './draw'
import { checkinsInPeriod, entryRefusal, loadLottery, myEntryView, type LotteryServices } from './shared'

export async function enterLottery(ctx: UseCaseContext, services: LotteryServices, input: { lotteryId: string; nonce: string }): Promise<EnterResult> {
  const { lottery, member, openid } = await loadLottery(ctx, input.lotteryId, EVERY_ROLE)
  const now = ctx.now()
  const rule = await groupDayRule(ctx.store, lottery.groupId)
  const docId = lotteryEntryDocId(lottery._id, openid)
  const answer = async (entry: LotteryEntryDoc, created: boolean): Promise<EnterResult> => ({
    created,
    myEntry: myEntryView(lottery, entry, member, null, rule, now),
    entrantCount: await ctx.store.count('lotteryEntries', { lotteryId: lottery._id }),
  })

  const existing = await ctx.store.get('lotteryEntries', docId)
  if (existing) return answer(existing, false)

  const checkins = await checkinsInPeriod(ctx.store, lottery, openid)
  const refusal = entryRefusal(lottery, member, checkins, rule, now)
  if (refusal) {
    const code = refusal.code === 'checkins' || refusal.code === 'joinedAfter' || refusal.code === 'notMember' ? 'FORBIDDEN' : 'CONFLICT'
    throw new DomainError(code, refusal.reason)
  }

  const name = formatNickname(member.intro)
  const shard = shardOf(openid)
  const entry: LotteryEntryDoc = {
    _id: docId,
    lotteryId: lottery._id,
    groupId: lottery.groupId,
    openid,
    memberKey: member.memberKey,
    entryId: `e_${services.random.hex(8)}`,
    name,
    maskedName: maskName(member.intro.name || name),
    tickets: ticketsFor(checkins ?? 0, lottery.weighting),
    nonce: input.nonce,
    shard,
    enteredAt: now.toISOString(),
  }
  try {
    await ctx.store.transaction(async (tx) => {
      const gate = await tx.get('lotteryShards', lotteryShardId(lottery._id, shard))
      if (!gate || !gate.open) throw new DomainError('CONFLICT', t('lottery.error.closed'))
      // The entrant's points for entering, on their own membership in this transaction (as a check-in's are);
      // the group's points and archived state travel on the membership (`groupCopy`).
      const current = await tx.get('members', memberId(lottery.groupId, openid))
      if (!current || !EVERY_ROLE.includes(current.role)) throw new DomainError('FORBIDDEN', t('error.FORBIDDEN'))
      let copy = current.groupCopy
      if (!copy) {
        const group = await tx.get('groups', lottery.groupId)
        if (!group) throw new DomainError('NOT_FOUND', t('error.groupNotFound'))
        copy = groupCopyOf(group)
      }
      if (copy.archived) throw new DomainError('CONFLICT', t('participation.error.archived'))
      await tx.create('lotteryEntries', entry)
      await tx.update('lotteryShards', gate._id, { count: gate.count + 1 })
      await tx.update('members', current._id, { ...eventCreditPatch(current, copy, 'lotteryEntry', todayKey(now, rule)), ...(current.groupCopy ? {} : { groupCopy: copy }) })
    })
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    // Another tap of the same member won the race: answer its entry.
    const first = await ctx.store.get('lotteryEntries', docId)
    if (!first) throw error
    return answer(first, false)
  }
  const result = await answer(entry, true)
  // A count rule: the entry that reaches the count shuts the gate at once (the timer draws within a minute).
  if (lottery.drawRule.kind === 'count' && result.entrantCount >= lottery.drawRule.count) {
    await closeEntries(ctx, lottery._id).catch((error: unknown) => console.warn('[lottery] closing after the count was reached failed; the timer retries', error))
  }
  return result
}
