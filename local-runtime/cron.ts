/**
 * CloudBase timer-trigger cron expressions, evaluated for the local runtime's scheduler: seven fields,
 * `second minute hour day month weekday year`, each `*`, a number, a range `a-b`, a step `*\/n`, `a/n` or
 * `a-b/n`, or a comma list of those; months may be JAN–DEC and weekdays SUN–SAT (0 = Sunday). As on
 * CloudBase, the times are China time (UTC+8), and when both day and weekday are restricted either may match.
 *
 * @example
 *   nextCronTime('0 30 3 * * * *', new Date('2026-11-23T00:00:00Z'))   // 2026-11-23T19:30:00.000Z (03:30 in China)
 *   nextCronTime('0 *\/15 * * * * *', new Date('2026-11-23T12:07:00Z')) // 2026-11-23T12:15:00.000Z
 */

/** CloudBase evaluates triggers in UTC+8; China has no daylight saving time. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
] as const

export interface CronSchedule {
  second: Set<number>
  minute: Set<number>
  hour: Set<number>
  day: Set<number>
  month: Set<number>
  weekday: Set<number>
  year: Set<number>
  /** Whether the day / weekday field was `*`. */
  anyDay: boolean
  anyWeekday: boolean
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== FIELDS.length) throw new Error(`cron "${expression}": expected 7 fields (second minute hour day month weekday year)`)
  const sets = FIELDS.map((field, i) => parseField(parts[i], field, expression))
  const [second, minute, hour, day, month, weekday, year] = sets
  return { second, minute, hour, day, month, weekday, year, anyDay: parts[3] === '*', anyWeekday: parts[5] === '*' }
}

function parseField(text: string, field: (typeof FIELDS)[number], expression: string): Set<number> {
  const value = (token: string): number => {
    const named = 'names' in field ? (field.names as readonly string[]).indexOf(token.toUpperCase()) : -1
    const n = named >= 0 ? named + field.min : /^\d+$/.test(token) ? Number(token) : NaN
    if (!(n >= field.min && n <= field.max)) throw new Error(`cron "${expression}": bad ${field.name} "${token}"`)
    return n
  }
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron "${expression}": bad step in ${field.name} "${part}"`)
    const [from, to] = range === '*' ? [field.min, field.max] : range.includes('-') ? range.split('-').map(value) : [value(range), stepText === undefined ? value(range) : field.max]
    for (let n = from; n <= to; n += step) values.add(n)
  }
  return values
}

/** The first time strictly after `after` that the schedule fires, or null if it never does again. */
export function nextCronTime(schedule: CronSchedule | string, after: Date): Date | null {
  const cron = typeof schedule === 'string' ? parseCron(schedule) : schedule
  // Walk China wall-clock time (held in a Date's UTC fields), skipping whole years / months / days / … at once.
  let t = Math.floor((after.getTime() + CHINA_OFFSET_MS) / 1000) * 1000 + 1000
  for (let guard = 0; guard < 100_000; guard++) {
    const d = new Date(t)
    const [Y, M, D, h, m, s] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    if (Y > 2099) return null
    if (!cron.year.has(Y)) t = Date.UTC(Y + 1, 0, 1)
    else if (!cron.month.has(M + 1)) t = Date.UTC(Y, M + 1, 1)
    else if (!dayMatches(cron, D, d.getUTCDay())) t = Date.UTC(Y, M, D + 1)
    else if (!cron.hour.has(h)) t = Date.UTC(Y, M, D, h + 1)
    else if (!cron.minute.has(m)) t = Date.UTC(Y, M, D, h, m + 1)
    else if (!cron.second.has(s)) t = Date.UTC(Y, M, D, h, m, s + 1)
    else return new Date(t - CHINA_OFFSET_MS)
  }
  return null
}

function dayMatches(cron: CronSchedule, day: number, weekday: number): boolean {
  if (cron.anyDay || cron.anyWeekday) return cron.day.has(day) && cron.weekday.has(weekday)
  return cron.day.has(day) || cron.weekday.has(weekday)
}
