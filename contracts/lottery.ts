/**
 * Contracts of the `lottery` cloud function: lotteries (抽奖) an admin creates for a group, members enter,
 * drawn once (at a set time, when N members have entered, or by an admin's tap) with a commit–reveal
 * procedure anyone can verify, winners claim, admins settle. The algorithm is `domain/lottery-draw.ts`.
 *
 * Status of a lottery as a view shows it (`LotteryPhase`):
 *   upcoming → open → closed (entries closed, waiting for the draw) → drawing → drawn → settled
 *   upcoming | open | closed → cancelled (by an admin, with a reason)
 *
 * Every create carries a client `requestId` (generated once per form, reused on retry): a double tap or a
 * retried request returns the first lottery instead of making two.
 *
 * @example
 *   const lottery = await callAction(createLottery, { groupId, requestId, title: '坚持打卡抽好书', prizes: [{ name: '《活着》签名本', quantity: 1 }],
 *     closesAt: '2026-12-07T12:00:00.000Z', drawRule: { kind: 'time', drawAt: '2026-12-07T12:00:00.000Z' },
 *     eligibility: { minCheckins: 5, period: { from: '2026-12-01', to: '2026-12-07' } }, weighting: { maxTickets: 5 } })
 *   const { myEntry } = await callAction(enterLottery, { lotteryId: lottery.id, nonce })   // nonce: 16 random bytes as hex
 *   const draw = await callAction(getLotteryDraw, { lotteryId, cursor: 0 })              // after the draw: seed, digest, rounds, entrants page
 */
import * as v from 'valibot'
import type { ExportFile } from './participation'
import type { Role } from '../domain/group'
import { ENTRANT_NONCE_PATTERN, MAX_TICKETS as DRAW_MAX_TICKETS, type DrawEntrant, type DrawRound } from '../domain/lottery-draw'
import { t } from '../i18n/strings'
import { defineAction } from './define'
import { PHOTO_ID_PATTERN } from './checkin'
import { cursorSchema, dayKeySchema, groupIdSchema, optionalTextSchema, textSchema, type Page } from './fields'

// --- limits ---

export const MAX_LOTTERY_TITLE = 40
export const MAX_LOTTERY_DESCRIPTION = 1000
export const MAX_PRIZE_TIERS = 10
export const MAX_PRIZE_NAME = 40
/** Winners of one tier, and of all tiers together. */
export const MAX_PRIZE_QUANTITY = 100
export const MAX_TOTAL_PRIZES = 200
/** A count rule: draw as soon as this many members have entered (a group holds at most 500). */
export const MAX_DRAW_COUNT = 500
/** At most this many check-ins may be required. */
export const MAX_MIN_CHECKINS = 366
/** Weighting caps (admin picks 1..MAX_TICKETS); equal to the algorithm's `MAX_TICKETS`. */
export const MAX_TICKETS = DRAW_MAX_TICKETS
/** A winner claims within 1..MAX_CLAIM_DAYS days (default DEFAULT_CLAIM_DAYS). */
export const MAX_CLAIM_DAYS = 30
export const DEFAULT_CLAIM_DAYS = 7
/** An entry window may last at most this many days. */
export const MAX_WINDOW_DAYS = 90
export const MAX_CANCEL_REASON = 100
export const MAX_CONTACT_NAME = 20
export const MAX_CONTACT_PHONE = 20
export const MAX_CONTACT_ADDRESS = 200
export const MAX_CONTACT_NOTE = 100
/** Entrants per page of the admin list, and of `getDraw`. */
export const LOTTERY_ENTRANT_PAGE = 50
export const DRAW_ENTRANT_PAGE = 500
export const LOTTERY_LIST_PAGE = 20

/** A client request id: generated once per form (e.g. 16 random bytes as hex), resent unchanged on retry. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
/** A lottery's id as the server makes it. */
export const LOTTERY_ID_PATTERN = /^lot_[a-f0-9]{24}$/
/** The device nonce: 16 random bytes as lowercase hex (the algorithm's `ENTRANT_NONCE_PATTERN`). */
export const NONCE_PATTERN = ENTRANT_NONCE_PATTERN
/** A mainland mobile number or a landline with area code, digits and dashes. */
export const CONTACT_PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,19}$/

/**
 * The member page of one lottery (query `id=<lotteryId>`), where inbox entries and winner messages lead; the
 * lottery pages' route rows in `contracts/routes.ts` use this path.
 */
export const LOTTERY_PAGE_PATH = 'packages/lottery/pages/lottery/index'

// --- views ---

/** What a view says about where a lottery is. */
export type LotteryPhase = 'upcoming' | 'open' | 'closed' | 'drawing' | 'drawn' | 'settled' | 'cancelled'

/**
 * How it is drawn: at a set time; as soon as `count` members have entered (or at the window's end if fewer
 * did); or by an admin's tap (entries close at the window's end or at the tap).
 */
export type DrawRule = { kind: 'time'; drawAt: string } | { kind: 'count'; count: number } | { kind: 'manual' }

/** Who may enter besides being a member: check-ins in a period (group-local days, inclusive), joined before a day. */
export interface EligibilityRule {
  /** 0 = no minimum. */
  minCheckins: number
  /** The period check-ins are counted in (for the minimum and for weighting); null when neither needs it. */
  period: { from: string; to: string } | null
  /** Joined the group before this group-local day (exclusive), or null. */
  joinedBefore: string | null
}

/** Tickets = check-ins in `eligibility.period`, at least 1, at most `maxTickets`. Null = one ticket each. */
export type WeightingRule = { maxTickets: number } | null

export interface PrizeTierView {
  /** Stable within the lottery: 't1', 't2', … in the order given (first tier drawn first). */
  tierId: string
  name: string
  quantity: number
  /** A short-lived link to the prize picture, or null. */
  imageUrl: string | null
}

/** Why a member may not enter (the page shows `reason`; the code is for tests and icons). */
export type IneligibleCode = 'notMember' | 'checkins' | 'joinedAfter' | 'notOpen' | 'closed'

export interface MyLotteryEntry {
  entered: boolean
  /** The published (opaque) entry id, once entered; it appears in the frozen list after the draw. */
  entryId: string | null
  enteredAt: string | null
  /** Entered: the tickets held. Not entered: the tickets entering now would give. */
  tickets: number
  /** Check-ins counted in the period (null when the rule counts none). */
  checkins: number | null
  /** Whether the caller may enter now (false once entered). */
  canEnter: boolean
  /** When the caller may not enter and has not: why, in Chinese (「还差 3 次打卡」), and its code. */
  ineligibleReason: string | null
  ineligibleCode: IneligibleCode | null
  /** Check-ins still missing for the minimum (0 when none are). */
  missingCheckins: number
}

export type ClaimStatus = 'pending' | 'claimed' | 'unclaimed'

export interface WinnerView {
  /** The winning entry's published id (matches the frozen list). */
  entryId: string
  /** 张** style: the first character of the name, the rest masked. */
  maskedName: string
  /** 0 = the draw, k ≥ 1 = the k-th redraw of unclaimed prizes. */
  round: number
  claimStatus: ClaimStatus
  isMe: boolean
}

export interface TierWinners {
  tierId: string
  name: string
  quantity: number
  /** Every round's winners of this tier; shorter than `quantity` when there were fewer entrants than prizes. */
  winners: WinnerView[]
}

export interface MyWin {
  tierId: string
  tierName: string
  round: number
  status: ClaimStatus
  /** Claim by then (ISO). */
  claimDeadline: string
  claimedAt: string | null
  /** Whether the prize needs a postal address. */
  needsAddress: boolean
}

export interface LotteryView {
  id: string
  groupId: string
  groupName: string
  /** The group's IANA timezone: the page shows every time of this view in it. */
  timezone: string
  title: string
  description: string
  phase: LotteryPhase
  /** Entries accepted from `opensAt` until `closesAt` (or until the draw starts, whichever is first). */
  window: { opensAt: string; closesAt: string }
  drawRule: DrawRule
  eligibility: EligibilityRule
  weighting: WeightingRule
  prizes: PrizeTierView[]
  /** Whether a winner must give a postal address to claim. */
  needsAddress: boolean
  claimDays: number
  /** SHA-256 of the secret seed, hex: public from publication on. */
  commitment: string
  /** The seed, revealed after the draw (null before). */
  seed: string | null
  /** The canonical digest of the frozen entrant list (null before the draw). */
  digest: string | null
  /** Members entered so far (live while open; the frozen count after the draw). */
  entrantCount: number
  /** What the countdown counts to: the window opening, entries closing, the scheduled draw; null when nothing is ahead. */
  countdown: { kind: 'opens' | 'closes' | 'draw'; at: string } | null
  myEntry: MyLotteryEntry
  /** Per tier, in tier order; empty before the draw. */
  winners: TierWinners[]
  /** After the draw: fewer entrants than prizes, so some prizes were not given. */
  fewerEntrantsThanPrizes: boolean
  /** The caller's win (at most one per lottery), or null. */
  myWin: MyWin | null
  /** Claim deadline of the latest round (ISO), null before the draw. */
  claimDeadline: string | null
  /** Redraw rounds done (0 = only the draw). */
  redraws: number
  /** Admins only, else 0: prizes of past rounds not claimed by their deadline and not redrawn yet. */
  unclaimedCount: number
  cancelReason: string | null
  cancelledAt: string | null
  drawnAt: string | null
  settledAt: string | null
  createdAt: string
  createdByName: string
  viewerRole: Role | null
  /** The caller is an owner or admin of the group: create, cancel, draw, redraw, settle, see entrants and claims. */
  isAdmin: boolean
  /** Admin may cancel now (before the draw). */
  canCancel: boolean
  /** Admin may tap 「开奖」 now (not drawn, not cancelled, window opened). */
  canDraw: boolean
  /** Admin may redraw now (unclaimed prizes past their deadline, entrants left). */
  canRedraw: boolean
}

export interface LotterySummary {
  id: string
  title: string
  phase: LotteryPhase
  /** First tier's name and the number of prizes in all tiers: 「《活着》签名本 等 3 份奖品」. */
  firstPrize: string
  totalPrizes: number
  opensAt: string
  closesAt: string
  drawRule: DrawRule
  /** Known after the draw; null while open (open one for the live count). */
  entrantCount: number | null
  drawnAt: string | null
  createdAt: string
}

export type LotteryListFilter = 'open' | 'drawn' | 'cancelled'

/** Newest first. `open` = upcoming, open, closed or drawing; `drawn` = drawn or settled. */
export interface LotteryList extends Page<LotterySummary> {
  groupId: string
  groupName: string
  timezone: string
  isAdmin: boolean
  /** Admins only (null otherwise): the caller's own cloud path prefix today, where a prize picture is uploaded. */
  photoPathPrefix: string | null
}

export interface EnterResult {
  /** False when the caller had already entered: nothing changed. */
  created: boolean
  myEntry: MyLotteryEntry
  entrantCount: number
}

/** One published entrant (the algorithm's `DrawEntrant`). */
export type DrawEntrantView = DrawEntrant

/** One round (the algorithm's `DrawRound`). */
export type DrawRoundView = DrawRound

/**
 * A page of the published draw: the header of the algorithm's `PublishedDraw` (version, lotteryId,
 * commitment, seed, digest, rounds) and a page of the frozen entrants in canonical order. Concatenating
 * every page's `items` gives `PublishedDraw.entrants`.
 */
export interface LotteryDrawPage extends Page<DrawEntrantView> {
  version: 1
  lotteryId: string
  commitment: string
  seed: string
  digest: string
  rounds: DrawRoundView[]
  entrantCount: number
}

export interface EntrantAdminView {
  entryId: string
  /** The full group nickname (admins only). */
  name: string
  memberKey: string
  tickets: number
  enteredAt: string
}

export interface LotteryEntrantList extends Page<EntrantAdminView> {
  total: number
  timezone: string
}

export interface ClaimContact {
  name: string
  phone: string
  address: string
  note: string
}

export interface WinnerAdminView {
  entryId: string
  name: string
  memberKey: string
  tierId: string
  tierName: string
  round: number
  status: ClaimStatus
  claimDeadline: string
  claimedAt: string | null
  /** The winner's contact details; null until claimed and after the lottery is settled (purged). */
  contact: ClaimContact | null
}

export interface LotteryWinnerList {
  items: WinnerAdminView[]
  timezone: string
  settled: boolean
}

/**
 * A saved CSV export, as the participation exports (`ExportFile`): the file (UTF-8 starting with a BOM, CRLF
 * line ends, fields quoted where needed) is behind `url` — a cloud storage temp link in WeChat, the local
 * runtime's signed download link locally — until `expiresAt`.
 */
export type LotteryCsv = ExportFile

export interface LotteryTimerRun {
  /** Lotteries drawn by this run. */
  drawn: number
  /** Wins marked unclaimed (deadline passed). */
  unclaimedMarked: number
  /** Lotteries settled automatically (contacts purged). */
  settled: number
}

// --- input schemas ---

/** An ISO instant as `Date#toISOString` writes it. */
export const instantSchema = v.pipe(
  v.string(t('lottery.validate.instant')),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, t('lottery.validate.instant')),
  v.check((value) => !Number.isNaN(Date.parse(value)), t('lottery.validate.instant')),
)

export const lotteryIdSchema = v.pipe(v.string(t('lottery.validate.id')), v.regex(LOTTERY_ID_PATTERN, t('lottery.validate.id')))
const lotteryRequestIdSchema = v.pipe(v.string(t('lottery.validate.requestId')), v.regex(REQUEST_ID_PATTERN, t('lottery.validate.requestId')))

const intSchema = (min: number, max: number) =>
  v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(min, t('lottery.validate.range', { min, max })), v.maxValue(max, t('lottery.validate.range', { min, max })))

const prizeSchema = v.object({
  name: textSchema(MAX_PRIZE_NAME),
  quantity: intSchema(1, MAX_PRIZE_QUANTITY),
  /** A photo the admin registered (`registerPhoto` of the checkin function, or a local upload). */
  imageId: v.optional(v.pipe(v.string(t('lottery.validate.image')), v.regex(PHOTO_ID_PATTERN, t('lottery.validate.image')))),
})

export const drawRuleSchema = v.variant('kind', [
  v.object({ kind: v.literal('time'), drawAt: instantSchema }),
  v.object({ kind: v.literal('count'), count: intSchema(1, MAX_DRAW_COUNT) }),
  v.object({ kind: v.literal('manual') }),
])

const eligibilitySchema = v.object({
  minCheckins: v.optional(intSchema(0, MAX_MIN_CHECKINS), 0),
  period: v.optional(v.nullable(v.object({ from: dayKeySchema, to: dayKeySchema })), null),
  joinedBefore: v.optional(v.nullable(dayKeySchema), null),
})

export const createLotteryInput = v.object({
  groupId: groupIdSchema,
  requestId: lotteryRequestIdSchema,
  title: textSchema(MAX_LOTTERY_TITLE),
  description: v.optional(optionalTextSchema(MAX_LOTTERY_DESCRIPTION), ''),
  prizes: v.pipe(
    v.array(prizeSchema),
    v.minLength(1, t('lottery.validate.noPrizes')),
    v.maxLength(MAX_PRIZE_TIERS, t('lottery.validate.tooManyTiers', { max: MAX_PRIZE_TIERS })),
    v.check((tiers) => tiers.reduce((sum, tier) => sum + tier.quantity, 0) <= MAX_TOTAL_PRIZES, t('lottery.validate.tooManyPrizes', { max: MAX_TOTAL_PRIZES })),
  ),
  /** Missing = now. */
  opensAt: v.optional(instantSchema),
  closesAt: instantSchema,
  drawRule: drawRuleSchema,
  eligibility: v.optional(eligibilitySchema, { minCheckins: 0, period: null, joinedBefore: null }),
  weighting: v.optional(v.nullable(v.object({ maxTickets: intSchema(1, MAX_TICKETS) })), null),
  needsAddress: v.optional(v.boolean(), false),
  claimDays: v.optional(intSchema(1, MAX_CLAIM_DAYS), DEFAULT_CLAIM_DAYS),
})

export type CreateLotteryInput = v.InferOutput<typeof createLotteryInput>

// --- actions ---

/** Admin: create and publish (pinned announcement + every member's inbox). Same `requestId` → the first lottery. */
export const createLottery = defineAction<LotteryView>()('lottery', 'create', createLotteryInput)

/** Members: the group's lotteries, newest first, filtered. */
export const listLotteries = defineAction<LotteryList>()(
  'lottery',
  'list',
  v.object({ groupId: groupIdSchema, filter: v.optional(v.picklist(['open', 'drawn', 'cancelled'] as const, t('validate.invalid')), 'open'), cursor: cursorSchema }),
)

/** Members: one lottery with the caller's entry, eligibility and win. */
export const getLottery = defineAction<LotteryView>()('lottery', 'get', v.object({ lotteryId: lotteryIdSchema }))

/** Member: enter (once; a repeat answers the first entry with `created: false`). */
export const enterLottery = defineAction<EnterResult>()(
  'lottery',
  'enter',
  v.object({ lotteryId: lotteryIdSchema, nonce: v.pipe(v.string(t('lottery.validate.nonce')), v.regex(NONCE_PATTERN, t('lottery.validate.nonce'))) }),
)

/** Admin: cancel before the draw; entrants are told the reason. */
export const cancelLottery = defineAction<LotteryView>()('lottery', 'cancel', v.object({ lotteryId: lotteryIdSchema, reason: textSchema(MAX_CANCEL_REASON) }))

/** Admin: draw now (any rule). Repeated or concurrent calls, the timer's included, give one result. */
export const drawLottery = defineAction<LotteryView>()('lottery', 'draw', v.object({ lotteryId: lotteryIdSchema }))

/** Members, after the draw: the published draw, entrants paged (what 「验证开奖」 and `npm run verify-draw` check). */
export const getLotteryDraw = defineAction<LotteryDrawPage>()('lottery', 'getDraw', v.object({ lotteryId: lotteryIdSchema, cursor: cursorSchema }))

/** Winner: claim the prize with the contact details it needs, before the deadline. */
export const claimLotteryPrize = defineAction<MyWin>()(
  'lottery',
  'claim',
  v.object({
    lotteryId: lotteryIdSchema,
    name: textSchema(MAX_CONTACT_NAME),
    phone: v.pipe(v.string(t('lottery.validate.phone')), v.trim(), v.regex(CONTACT_PHONE_PATTERN, t('lottery.validate.phone'))),
    address: v.optional(optionalTextSchema(MAX_CONTACT_ADDRESS), ''),
    note: v.optional(optionalTextSchema(MAX_CONTACT_NOTE), ''),
  }),
)

/** Admin: the entrants (full names), in entry order. */
export const listLotteryEntrants = defineAction<LotteryEntrantList>()('lottery', 'entrants', v.object({ lotteryId: lotteryIdSchema, cursor: cursorSchema }))

/** Admin: winners with claim status and contact details. */
export const listLotteryWinners = defineAction<LotteryWinnerList>()('lottery', 'winners', v.object({ lotteryId: lotteryIdSchema }))

/** Admin: redraw the prizes unclaimed by their deadline, from the entrants who have not won (round k). */
export const redrawLottery = defineAction<LotteryView>()('lottery', 'redraw', v.object({ lotteryId: lotteryIdSchema }))

/** Admin: settle (prizes handed out): contact details are purged, no more claims or redraws. */
export const settleLottery = defineAction<LotteryView>()('lottery', 'settle', v.object({ lotteryId: lotteryIdSchema }))

/** Admin: CSV of the entrants or the winners (UTF-8 with BOM), saved as a file behind a short-lived link. */
export const exportLotteryCsv = defineAction<LotteryCsv>()(
  'lottery',
  'exportCsv',
  v.object({ lotteryId: lotteryIdSchema, kind: v.picklist(['entrants', 'winners'] as const, t('validate.invalid')) }),
)

/** The timer job: draws due lotteries (time and count rules, stalled draws), marks unclaimed wins, settles old ones. */
export const runLotteryTimer = defineAction<LotteryTimerRun>()('lottery', 'runDue', v.object({}))
