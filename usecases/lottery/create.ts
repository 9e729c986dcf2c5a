/**
 * Creating (and thereby publishing) a lottery: an admin's form becomes the lottery, its secret seed (a CSPRNG's
 * 32 bytes; only the SHA-256 commitment is public), its entry gate shards, a pinned announcement and an audit
 * entry — one transaction — then one inbox message per member.
 *
 * The lottery's id derives from (group, creator, the form's `requestId`), so a double tap or a retried request
 * finds the first lottery (the store refuses a second `_id`) and answers it; a retry also finishes an inbox
 * fan-out the first request did not.
 *
 * Cost on CloudBase: 2 reads (group, membership) + 1 transaction of 4 + ENTRY_SHARDS writes (+ 2 per prize
 * picture), then 1 bulk read of the roster + one inbox write per member + 1 write — about M + 16 operations
 * for M members (≈ 515 for a full group of 500), once per lottery.
 *
 * @example
 *   await createLottery(ctx, services, { groupId, requestId: 'f3a9…', title: '坚持打卡抽好书', prizes: [...], closesAt, drawRule, … })
 */
import { createHash } from 'node:crypto'
import { DEFAULT_CLAIM_DAYS, MAX_WINDOW_DAYS, type CreateLotteryInput, type LotteryView } from '../../contracts/lottery'
import { dayRuleOf, formatLocal, isValidDayKey } from '../../domain/days'
import { DomainError } from '../../domain/errors'
import { formatNickname, type GroupDoc } from '../../domain/group'
import { assertGroupWritable } from '../../domain/participation'
import {
  ENTRY_SHARDS,
  MAX_DRAW_DELAY_DAYS,
  addDays,
  lotteryShardId,
  scheduledDrawAt,
  type LotteryDoc,
  type LotteryDrawRule,
  type LotteryEligibility,
} from '../../domain/lottery'
import { newSeedCommitment } from '../../domain/lottery-draw'
import { t } from '../../i18n/strings'
import { StoreConflictError } from '../../store/port'
import { MANAGERS, requireRole } from '../access'
import { recordAudit } from '../audit'
import type { UseCaseContext } from '../context'
import { claimPhoto, readOwnUnusedPhoto } from '../photos'
import { buildLotteryView, fanOutInbox, lotteryInboxMessage, type LotteryServices } from './shared'

export function lotteryIdFor(groupId: string, openid: string, requestId: string): string {
  return `lot_${createHash('sha256').update(`lottery:${groupId}:${openid}:${requestId}`).digest('hex').slice(0, 24)}`
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { [field]: message })
}

/** The cross-field checks the schema cannot make; INVALID_INPUT naming the field. */
function checkSchedule(input: CreateLotteryInput, now: Date): { opensAt: string; closesAt: string } {
  const opensAt = new Date(input.opensAt ?? now).toISOString()
  const closesAt = new Date(input.closesAt).toISOString()
  if (closesAt <= opensAt) throw invalid('closesAt', t('lottery.validate.closesBeforeOpens'))
  if (closesAt <= now.toISOString()) throw invalid('closesAt', t('lottery.validate.closesInPast'))
  if (closesAt > addDays(opensAt, MAX_WINDOW_DAYS)) throw invalid('closesAt', t('lottery.validate.windowTooLong', { max: MAX_WINDOW_DAYS }))
  if (input.drawRule.kind === 'time') {
    const drawAt = new Date(input.drawRule.drawAt).toISOString()
    if (drawAt < closesAt) throw invalid('drawRule.drawAt', t('lottery.validate.drawBeforeClose'))
    if (drawAt > addDays(closesAt, MAX_DRAW_DELAY_DAYS)) throw invalid('drawRule.drawAt', t('lottery.validate.drawTooLate', { max: MAX_DRAW_DELAY_DAYS }))
  }
  const { period, minCheckins, joinedBefore } = input.eligibility
  if (period) {
    if (!isValidDayKey(period.from)) throw invalid('eligibility.period.from', t('lottery.validate.badDay'))
    if (!isValidDayKey(period.to)) throw invalid('eligibility.period.to', t('lottery.validate.badDay'))
    if (period.from > period.to) throw invalid('eligibility.period.to', t('lottery.validate.periodOrder'))
  } else if (minCheckins > 0 || input.weighting) {
    throw invalid('eligibility.period', t('lottery.validate.periodNeeded'))
  }
  if (joinedBefore !== null && !isValidDayKey(joinedBefore)) throw invalid('eligibility.joinedBefore', t('lottery.validate.badDay'))
  return { opensAt, closesAt }
}

export function describeDrawRule(rule: LotteryDrawRule, timezone: string): string {
  if (rule.kind === 'time') return t('lottery.rule.time', { time: formatLocal(rule.drawAt, timezone) })
  if (rule.kind === 'count') return t('lottery.rule.count', { count: rule.count })
  return t('lottery.rule.manual')
}

export function describeEligibility(rule: LotteryEligibility, weighting: LotteryDoc['weighting']): string {
  const parts = [t('lottery.eligibility.members')]
  if (rule.minCheckins > 0 && rule.period) parts.push(t('lottery.eligibility.minCheckins', { from: rule.period.from, to: rule.period.to, min: rule.minCheckins }))
  if (rule.joinedBefore) parts.push(t('lottery.eligibility.joinedBefore', { day: rule.joinedBefore }))
  if (weighting) parts.push(t('lottery.eligibility.weighted', { max: weighting.maxTickets }))
  return parts.join('；')
}

export async function createLottery(ctx: UseCaseContext, services: LotteryServices, input: CreateLotteryInput): Promise<LotteryView> {
  const { group, member, openid } = await requireRole(ctx, input.groupId, MANAGERS)
  assertGroupWritable(group)
  const now = ctx.now()
  const id = lotteryIdFor(group._id, openid, input.requestId)
  const { opensAt, closesAt } = checkSchedule(input, now)
  const timezone = dayRuleOf(group).timezone
  const seed = services.random.hex(32)
  const lottery: LotteryDoc = {
    _id: id,
    groupId: group._id,
    title: input.title,
    description: input.description,
    prizes: input.prizes.map((prize, index) => ({ tierId: `t${index + 1}`, name: prize.name, quantity: prize.quantity, imageId: prize.imageId ?? null })),
    opensAt,
    closesAt,
    drawRule: input.drawRule.kind === 'time' ? { kind: 'time', drawAt: new Date(input.drawRule.drawAt).toISOString() } : input.drawRule,
    eligibility: input.eligibility,
    weighting: input.weighting,
    needsAddress: input.needsAddress,
    claimDays: input.claimDays ?? DEFAULT_CLAIM_DAYS,
    status: 'open',
    commitment: newSeedCommitment(seed),
    dueAt: null,
    createdAt: now.toISOString(),
    createdBy: openid,
    createdByName: formatNickname(member.intro),
    announcedAt: null,
    announcementId: `ann_${id}`,
    cancelReason: null,
    cancelledAt: null,
    drawStartedAt: null,
    frozenCount: null,
    drawnAt: null,
    seed: null,
    digest: null,
    rounds: [],
    winnerNames: {},
    claimDeadline: null,
    settledAt: null,
  }
  lottery.dueAt = scheduledDrawAt(lottery)

  let stored = lottery
  try {
    await ctx.store.transaction(async (tx) => {
      // Photos first: every read before the writes.
      const photos = []
      for (const [index, prize] of lottery.prizes.entries()) {
        if (!prize.imageId) continue
        try {
          photos.push(await readOwnUnusedPhoto(tx, { groupId: group._id, openid, photoId: prize.imageId }))
        } catch (error) {
          if (error instanceof DomainError) throw invalid(`prizes.${index}.imageId`, t('lottery.validate.imageNotYours'))
          throw error
        }
      }
      await tx.create('lotteries', lottery)
      await tx.create('lotterySecrets', { _id: id, lotteryId: id, seed, createdAt: lottery.createdAt })
      for (let shard = 0; shard < ENTRY_SHARDS; shard++) {
        await tx.create('lotteryShards', { _id: lotteryShardId(id, shard), lotteryId: id, open: true, count: 0 })
      }
      await tx.create('announcements', {
        _id: lottery.announcementId,
        groupId: group._id,
        title: t('lottery.announcement.title', { title: lottery.title }),
        body: announcementBody(lottery, timezone),
        pinned: true,
        pinnedAt: lottery.createdAt,
        authorOpenid: openid,
        authorName: lottery.createdByName,
        createdAt: lottery.createdAt,
      })
      for (const photo of photos) await claimPhoto(tx, photo, `lottery:${id}`)
      await recordAudit(tx, { groupId: group._id, actorOpenid: openid, action: 'lottery.create', detail: { id, title: lottery.title }, at: now })
    })
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    // The same form sent again (a double tap, a retry): answer the first lottery.
    const first = await ctx.store.get('lotteries', id)
    if (!first || first.groupId !== group._id) throw error
    stored = first
  }
  if (stored.announcedAt === null) stored = await announce(ctx, group, stored)
  return buildLotteryView(ctx, { lottery: stored, member, openid }, services, { group, entry: null })
}

function announcementBody(lottery: LotteryDoc, timezone: string): string {
  return t('lottery.announcement.body', {
    prizes: lottery.prizes.map((tier) => t('lottery.prizeLine', { name: tier.name, quantity: tier.quantity })).join('，'),
    closes: formatLocal(lottery.closesAt, timezone, 'YYYY-MM-DD HH:mm'),
    rule: describeDrawRule(lottery.drawRule, timezone),
    eligibility: describeEligibility(lottery.eligibility, lottery.weighting),
    description: lottery.description,
  }).trim()
}

/** One inbox message per member but the creator (deterministic ids), then mark the lottery announced. */
async function announce(ctx: UseCaseContext, group: GroupDoc, lottery: LotteryDoc): Promise<LotteryDoc> {
  const now = ctx.now()
  const timezone = dayRuleOf(group).timezone
  const members = await ctx.store.find('members', { where: { groupId: group._id }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000, bulk: true })
  const title = t('lottery.inbox.publishedTitle', { title: lottery.title })
  const body = t('lottery.inbox.publishedBody', { group: group.name, closes: formatLocal(lottery.closesAt, timezone) })
  await fanOutInbox(
    ctx.store,
    members
      .filter((member) => member.openid !== lottery.createdBy)
      .map((member) => lotteryInboxMessage({ kind: 'lottery.published', lotteryId: lottery._id, groupId: group._id, openid: member.openid, title, body, at: now })),
  )
  const announcedAt = now.toISOString()
  await ctx.store.update('lotteries', lottery._id, { announcedAt })
  return { ...lottery, announcedAt }
}
