/**
 * Daily check-in (打卡): the documents, and the pure rules for streaks and make-up check-ins (补卡).
 *
 * Per member, with deterministic ids so uniqueness and atomicity come from the store:
 * - `checkins/<groupId>:<openid>:<YYYY-MM-DD>` — one check-in per member per group per day; `create`
 *   refuses a second one, so a double tap can never make two; a month's calendar is a query of these;
 * - the membership `members/<groupId>:<openid>` carries `checkin` (`CheckinState`, at the end of this file):
 *   the counters, the recent runs a make-up may join, this month's calendar, the make-up quota and the latest
 *   check-in, changed in the same transaction as every check-in — one by-id read and one update, whatever
 *   the history. (`checkinStats` / `checkinMonths` documents are where that lived before; they are only read,
 *   for memberships not yet migrated by a check-in.)
 *
 * Why streaks stay exact with make-ups: `currentStreak` is always the length of the run of consecutive
 * days that ends at `lastDay` (what is shown as "current" is that run if `lastDay` is today or yesterday,
 * else 0). A regular check-in on day D extends that run when `lastDay` is D−1. A make-up on a past day M can
 * join the run ending at M−1 with the run starting at M+1, so its transaction takes both runs' lengths from
 * the run boundaries kept on the membership (no walk through the history) and sets longest = max(longest, before + 1 + after),
 * and the current run to that length when the joined run reaches `lastDay`. Month and year ends need no
 * special case: day keys are calendar dates and neighbours come from `shiftDay`.
 *
 * @example
 *   checkinId('g1', 'o_a', '2026-11-23')  // 'g1:o_a:2026-11-23'
 *   addDayToStats(emptyStats('g1', 'o_a'), { day: '2026-11-23', runBefore: 4, runAfter: 0, makeUp: false, at })
 *   // → { totalDays: 1, currentStreak: 5, longestStreak: 5, lastDay: '2026-11-23', ... }
 */
import { daysBetween, monthOf, shiftDay } from './days'
import { memberId, type GroupDoc } from './group'

export const MAX_MAKE_UP_WINDOW_DAYS = 7
export const MAX_MAKE_UP_MONTHLY_LIMIT = 10

export interface CheckinDoc {
  _id: string
  groupId: string
  openid: string
  /** The check-in day in the group's day rule, YYYY-MM-DD. */
  day: string
  note: string
  /** A cloud storage fileID (WeChat) or a local upload id (`local:<name>`), or null. */
  photoFileId: string | null
  /** The daily task of that day, when the member linked it. */
  taskId: string | null
  taskTitle: string | null
  /** A make-up check-in (补卡) for a missed day, done later. */
  makeUp: boolean
  /** The member's nickname (姓名-地区-职业) at the time, for the feed. */
  authorName: string
  checkedInAt: string
  /** `opaqueViewId(_id)`, the id views carry: a like finds the check-in by it (written since likes exist). */
  viewId?: string
  /** When its author last edited the note or added a photo (today only), or absent. */
  editedAt?: string | null
}

export interface CheckinMonthDoc {
  _id: string
  groupId: string
  openid: string
  /** YYYY-MM */
  month: string
  /** Days of the month (1–31) checked in, ascending. */
  days: number[]
  /** The subset of `days` filled by a make-up. */
  makeUpDays: number[]
  /** Make-ups the member DID during this month (counts against the monthly limit, whichever day they filled). */
  makeUpsUsed: number
}

export interface CheckinStatsDoc {
  _id: string
  groupId: string
  openid: string
  totalDays: number
  /** Length of the run of consecutive days ending at `lastDay`. */
  currentStreak: number
  longestStreak: number
  lastDay: string | null
  makeUpDays: number
  updatedAt: string
}

export interface MakeUpPolicy {
  enabled: boolean
  /** How many days back a missed day may be filled (1 = only yesterday). */
  windowDays: number
  /** Make-ups a member may do per calendar month. */
  monthlyLimit: number
}

export const DEFAULT_MAKE_UP_POLICY: MakeUpPolicy = { enabled: false, windowDays: 3, monthlyLimit: 2 }

export function makeUpPolicyOf(group: Pick<GroupDoc, 'makeUp'>): MakeUpPolicy {
  const policy = group.makeUp
  if (!policy) return DEFAULT_MAKE_UP_POLICY
  return {
    enabled: policy.enabled === true,
    windowDays: clampInt(policy.windowDays, 1, MAX_MAKE_UP_WINDOW_DAYS, DEFAULT_MAKE_UP_POLICY.windowDays),
    monthlyLimit: clampInt(policy.monthlyLimit, 0, MAX_MAKE_UP_MONTHLY_LIMIT, DEFAULT_MAKE_UP_POLICY.monthlyLimit),
  }
}

export function checkinId(groupId: string, openid: string, day: string): string {
  return `${groupId}:${openid}:${day}`
}

export function checkinMonthId(groupId: string, openid: string, month: string): string {
  return `${groupId}:${openid}:${month}`
}

export function checkinStatsId(groupId: string, openid: string): string {
  return memberId(groupId, openid)
}

export function emptyStats(groupId: string, openid: string): CheckinStatsDoc {
  return {
    _id: checkinStatsId(groupId, openid),
    groupId,
    openid,
    totalDays: 0,
    currentStreak: 0,
    longestStreak: 0,
    lastDay: null,
    makeUpDays: 0,
    updatedAt: new Date(0).toISOString(),
  }
}

export function emptyMonth(groupId: string, openid: string, month: string): CheckinMonthDoc {
  return { _id: checkinMonthId(groupId, openid, month), groupId, openid, month, days: [], makeUpDays: [], makeUpsUsed: 0 }
}

/** The month document with `date` (1–31) added, kept sorted; unchanged when already there. */
export function withDay(month: CheckinMonthDoc, date: number, makeUp: boolean): CheckinMonthDoc {
  if (month.days.includes(date)) return month
  const days = [...month.days, date].sort((a, b) => a - b)
  const makeUpDays = makeUp ? [...month.makeUpDays, date].sort((a, b) => a - b) : month.makeUpDays
  return { ...month, days, makeUpDays }
}

/**
 * The length of the run before a regular check-in on `day`: the current run when it ended yesterday,
 * else 0. (Only valid for a day after `lastDay`, which a regular check-in always is.)
 */
export function runBeforeFromStats(stats: CheckinStatsDoc, day: string): number {
  return stats.lastDay !== null && stats.lastDay === shiftDay(day, -1) ? stats.currentStreak : 0
}

export interface AddedDay {
  day: string
  /** Consecutive checked days ending the day before `day`. */
  runBefore: number
  /** Consecutive checked days starting the day after `day` (0 for a day after `lastDay`). */
  runAfter: number
  makeUp: boolean
  at: Date
}

/** The counters after `day` is checked in (it was not before). */
export function addDayToStats(stats: CheckinStatsDoc, added: AddedDay): CheckinStatsDoc {
  const joinedRun = added.runBefore + 1 + added.runAfter
  let { currentStreak, lastDay } = stats
  if (lastDay === null || added.day > lastDay) {
    lastDay = added.day
    currentStreak = added.runBefore + 1
  } else if (shiftDay(added.day, added.runAfter) === lastDay) {
    // The filled day joins up with the run that ends at lastDay.
    currentStreak = joinedRun
  }
  return {
    ...stats,
    totalDays: stats.totalDays + 1,
    currentStreak,
    longestStreak: Math.max(stats.longestStreak, joinedRun, currentStreak),
    lastDay,
    makeUpDays: stats.makeUpDays + (added.makeUp ? 1 : 0),
    updatedAt: added.at.toISOString(),
  }
}

/** The streak as shown on `today`: the run ending at lastDay is still alive only if that was today or yesterday. */
export function visibleCurrentStreak(stats: Pick<CheckinStatsDoc, 'currentStreak' | 'lastDay'>, today: string): number {
  if (stats.lastDay === null) return 0
  const gap = daysBetween(stats.lastDay, today)
  return gap === 0 || gap === 1 ? stats.currentStreak : 0
}

export type MakeUpRefusal = 'disabled' | 'notPast' | 'outsideWindow' | 'beforeJoining' | 'limitReached'

/** Why a make-up of `day` is not allowed on `today`, or null when it is. */
export function makeUpRefusal(
  policy: MakeUpPolicy,
  input: { today: string; day: string; joinedDay: string; usedThisMonth: number },
): MakeUpRefusal | null {
  if (!policy.enabled) return 'disabled'
  const back = daysBetween(input.day, input.today)
  if (back < 1) return 'notPast'
  if (back > policy.windowDays) return 'outsideWindow'
  if (input.day < input.joinedDay) return 'beforeJoining'
  if (input.usedThisMonth >= policy.monthlyLimit) return 'limitReached'
  return null
}

/** Missed days a make-up could still fill on `today`, most recent first. */
export function makeUpCandidates(
  policy: MakeUpPolicy,
  input: { today: string; joinedDay: string; isChecked: (day: string) => boolean },
): string[] {
  if (!policy.enabled) return []
  const days: string[] = []
  for (let back = 1; back <= policy.windowDays; back++) {
    const day = shiftDay(input.today, -back)
    if (day >= input.joinedDay && !input.isChecked(day)) days.push(day)
  }
  return days
}

/** The month a make-up done on `today` counts against. */
export function makeUpQuotaMonth(today: string): string {
  return monthOf(today)
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback
}

// --- the counters on the membership document ------------------------------------------------------

/** A run of consecutive checked days, first and last day (YYYY-MM-DD), inclusive. */
export type CheckinRun = [first: string, last: string]

/**
 * What a check-in reads and changes, kept on the member's own membership document (`MemberDoc.checkin`), so
 * one by-id read inside the transaction gives the role, the counters, the runs a make-up may join, this
 * month's calendar and the make-up quota, and one update writes them back:
 * - the counters of `CheckinStatsDoc` (total, current run ending at `lastDay`, longest, make-ups);
 * - `runs`: the runs that end on or after the make-up horizon (`MAX_MAKE_UP_WINDOW_DAYS + 1` days before
 *   the day of the last write), oldest first. A make-up fills a day at most `MAX_MAKE_UP_WINDOW_DAYS` back,
 *   so the run ending the day before it and the run starting the day after are always here, whatever their
 *   length: a make-up costs the same after 30 or 365 days of history;
 * - `month`: the calendar of the latest month checked in (the overview shows this month's);
 * - `makeUps`: make-ups done in `month` (the monthly limit);
 * - `latest`: the check-in of `lastDay` (the overview's "my check-in" when that is today).
 */
export interface CheckinState {
  totalDays: number
  currentStreak: number
  longestStreak: number
  lastDay: string | null
  makeUpDays: number
  updatedAt: string
  runs: CheckinRun[]
  month: { month: string; days: number[]; makeUpDays: number[] }
  makeUps: { month: string; used: number }
  latest: CheckinDoc | null
}

export function emptyCheckinState(): CheckinState {
  return {
    totalDays: 0,
    currentStreak: 0,
    longestStreak: 0,
    lastDay: null,
    makeUpDays: 0,
    updatedAt: new Date(0).toISOString(),
    runs: [],
    month: { month: '', days: [], makeUpDays: [] },
    makeUps: { month: '', used: 0 },
    latest: null,
  }
}

/**
 * The state of a membership written before the counters moved onto it: its `checkinStats` document (and
 * this month's `checkinMonths` one). Only the current run is known; older runs inside the make-up window
 * are not (a make-up next to one of them counts it from then on).
 */
export function legacyCheckinState(stats: CheckinStatsDoc | null, month: CheckinMonthDoc | null): CheckinState {
  const state = emptyCheckinState()
  if (stats) {
    const { totalDays, currentStreak, longestStreak, lastDay, makeUpDays, updatedAt } = stats
    Object.assign(state, { totalDays, currentStreak, longestStreak, lastDay, makeUpDays, updatedAt })
    if (lastDay !== null && currentStreak > 0) state.runs = [[shiftDay(lastDay, -(currentStreak - 1)), lastDay]]
  }
  if (month) {
    state.month = { month: month.month, days: month.days, makeUpDays: month.makeUpDays }
    state.makeUps = { month: month.month, used: month.makeUpsUsed }
  }
  return state
}

/** Whether `day` is checked, for days no further back than the make-up horizon of the state's last write. */
export function isCheckedIn(state: Pick<CheckinState, 'runs'>, day: string): boolean {
  return state.runs.some(([first, last]) => first <= day && day <= last)
}

/** Make-ups used in `month` (the quota month of a make-up done then). */
export function makeUpsUsedIn(state: Pick<CheckinState, 'makeUps'>, month: string): number {
  return state.makeUps.month === month ? state.makeUps.used : 0
}

/** The state after `checkin` (a day not checked before) is recorded on `today`. */
export function addCheckinToState(state: CheckinState, checkin: CheckinDoc, today: string, at: Date): CheckinState {
  const day = checkin.day
  const before = state.runs.find(([, last]) => last === shiftDay(day, -1))
  const after = state.runs.find(([first]) => first === shiftDay(day, 1))
  const runBefore = before ? daysBetween(before[0], before[1]) + 1 : 0
  const runAfter = after ? daysBetween(after[0], after[1]) + 1 : 0
  const stats = addDayToStats({ ...state, _id: '', groupId: '', openid: '' }, { day, runBefore, runAfter, makeUp: checkin.makeUp, at })
  const joined: CheckinRun = [before ? before[0] : day, after ? after[1] : day]
  const horizon = shiftDay(today, -(MAX_MAKE_UP_WINDOW_DAYS + 1))
  const runs = [...state.runs.filter((run) => run !== before && run !== after), joined]
    .filter(([, last]) => last >= horizon || last === stats.lastDay)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))

  const dayMonth = monthOf(day)
  let month = state.month
  if (dayMonth > month.month) month = { month: dayMonth, days: [], makeUpDays: [] }
  if (dayMonth === month.month) {
    const date = Number(day.slice(8, 10))
    month = {
      month: dayMonth,
      days: [...month.days, date].sort((a, b) => a - b),
      makeUpDays: checkin.makeUp ? [...month.makeUpDays, date].sort((a, b) => a - b) : month.makeUpDays,
    }
  }
  const quotaMonth = makeUpQuotaMonth(today)
  const makeUps = checkin.makeUp ? { month: quotaMonth, used: makeUpsUsedIn(state, quotaMonth) + 1 } : state.makeUps
  const latest = stats.lastDay === day ? checkin : state.latest
  const { totalDays, currentStreak, longestStreak, lastDay, makeUpDays, updatedAt } = stats
  return { totalDays, currentStreak, longestStreak, lastDay, makeUpDays, updatedAt, runs, month, makeUps, latest }
}
