/**
 * The create form's state and how it becomes `lottery.create`'s input: local day + time pickers in the
 * group's timezone → ISO instants, the draw rule, eligibility, weighting. Pure, tested beside it.
 *
 * @example
 *   const form = initialForm(new Date(), 'Asia/Shanghai')
 *   toCreateInput({ ...form, title: '坚持打卡抽好书' }, { groupId, requestId, timezone })
 */
import type { CreateLotteryInput } from '../../../../../contracts/lottery'
import { MAX_PRIZE_QUANTITY, MAX_PRIZE_TIERS, MAX_TICKETS } from '../../../../../contracts/lottery'
import { dayKeyAt, localInstant, localTimeOfDay, shiftDay } from '../../../../../domain/days'

export interface TierDraft {
  key: number
  name: string
  quantity: number
  /** The uploaded prize picture (the creator's own unused upload), or null. */
  imageId: string | null
}

export interface LotteryForm {
  title: string
  description: string
  tiers: TierDraft[]
  /** Null = entries open at once (the server's "now"). */
  opens: { day: string; time: string } | null
  closesDay: string
  closesTime: string
  ruleKind: 'time' | 'count' | 'manual'
  drawDay: string
  drawTime: string
  count: string
  minCheckins: string
  periodFrom: string
  periodTo: string
  joinedBeforeOn: boolean
  joinedBefore: string
  weighted: boolean
  maxTickets: number
  needsAddress: boolean
  claimDays: string
}

/** A fresh form: one tier, a week's window ending 20:00, drawn at the close, check-ins counted over the window. */
export function initialForm(now: Date, timezone: string): LotteryForm {
  const today = dayKeyAt(now, timezone)
  const closesDay = shiftDay(today, 7)
  return {
    title: '',
    description: '',
    tiers: [{ key: 1, name: '', quantity: 1, imageId: null }],
    opens: null,
    closesDay,
    closesTime: '20:00',
    ruleKind: 'time',
    drawDay: closesDay,
    drawTime: '20:00',
    count: '20',
    minCheckins: '0',
    periodFrom: today,
    periodTo: closesDay,
    joinedBeforeOn: false,
    joinedBefore: today,
    weighted: false,
    maxTickets: 5,
    needsAddress: false,
    claimDays: '7',
  }
}

/** The time a fresh "opens" picker starts on: now, in the group's timezone. */
export function opensNow(now: Date, timezone: string): { day: string; time: string } {
  return { day: dayKeyAt(now, timezone), time: localTimeOfDay(now, timezone) }
}

export function addTier(tiers: TierDraft[]): TierDraft[] {
  if (tiers.length >= MAX_PRIZE_TIERS) return tiers
  return [...tiers, { key: Math.max(0, ...tiers.map((tier) => tier.key)) + 1, name: '', quantity: 1, imageId: null }]
}

export function clampQuantity(value: number): number {
  return Math.min(MAX_PRIZE_QUANTITY, Math.max(1, value))
}

export function clampTickets(value: number): number {
  return Math.min(MAX_TICKETS, Math.max(1, value))
}

/** A whole number typed into a text box, or NaN (the server answers with the range). */
function whole(value: string): number {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
}

export function toCreateInput(form: LotteryForm, where: { groupId: string; requestId: string; timezone: string }): CreateLotteryInput {
  const at = (day: string, time: string) => localInstant(day, time, where.timezone).toISOString()
  const minCheckins = whole(form.minCheckins)
  const countsCheckins = minCheckins > 0 || form.weighted
  const drawRule: CreateLotteryInput['drawRule'] =
    form.ruleKind === 'time' ? { kind: 'time', drawAt: at(form.drawDay, form.drawTime) } : form.ruleKind === 'count' ? { kind: 'count', count: whole(form.count) } : { kind: 'manual' }
  return {
    groupId: where.groupId,
    requestId: where.requestId,
    title: form.title,
    description: form.description,
    prizes: form.tiers.map((tier) => ({ name: tier.name, quantity: tier.quantity, ...(tier.imageId ? { imageId: tier.imageId } : {}) })),
    ...(form.opens ? { opensAt: at(form.opens.day, form.opens.time) } : {}),
    closesAt: at(form.closesDay, form.closesTime),
    drawRule,
    eligibility: {
      minCheckins,
      period: countsCheckins ? { from: form.periodFrom, to: form.periodTo } : null,
      joinedBefore: form.joinedBeforeOn ? form.joinedBefore : null,
    },
    weighting: form.weighted ? { maxTickets: clampTickets(form.maxTickets) } : null,
    needsAddress: form.needsAddress,
    claimDays: whole(form.claimDays),
  }
}

/** What the page can tell before sending: a nameless prize or a box that holds no whole number. */
export function formProblem(form: LotteryForm): 'lotteryCreate.noName' | 'lotteryCreate.badNumber' | null {
  if (form.tiers.some((tier) => tier.name.trim() === '')) return 'lotteryCreate.noName'
  const numbers = [form.minCheckins, form.claimDays, ...(form.ruleKind === 'count' ? [form.count] : [])]
  if (numbers.some((value) => Number.isNaN(whole(value)))) return 'lotteryCreate.badNumber'
  return null
}

/** A request id for one opening of the form (resent on every retry, so a double tap makes one lottery). */
export function newRequestId(random: () => number = Math.random, now: number = Date.now()): string {
  let tail = ''
  while (tail.length < 16) tail += Math.floor(random() * 36).toString(36)
  return `req_${now.toString(36)}_${tail}`
}
