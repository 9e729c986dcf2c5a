/**
 * Admins hear about applicants without a flood:
 * - `getPendingCounts`: the badge — how many applications wait in each group the caller manages, in two
 *   operations whatever the number of groups or applications (the caller's admin memberships, then one page
 *   of pending applications across those groups, counted up to `MAX_PENDING_COUNTED`);
 * - `sendApplicationDigest`, the hourly timer job: the pending applications submitted since its last run (one
 *   index range, so the cost follows the new applications, never the history), one inbox message per admin
 *   with the count (all their groups together), and the `applicationDigest` subscribe message where the
 *   template is configured. The submit itself writes nothing for this (it stays at 4 operations).
 *
 * At most one message per admin per hour: a run in an hour the job's mark (one `admissionDigests` document)
 * says was told already does nothing, and the message's id is the admin and the hour (`digestMessageId`), so
 * even two overlapping runs cannot write a second one; the mark moves past what was told only after the
 * messages were written (a run that fails midway tells the rest, and may repeat a count, the next hour). An
 * application whose submit commits in the last minute before a run is left to the next run (`SETTLE_MS`).
 *
 * @example
 *   await getPendingCounts(ctx)              // { counts: [{ groupId: 'g1', pending: 3 }], capped: false }
 *   await sendApplicationDigest(ctx, notifier) // { admins: 2, applications: 3 }
 */
import { createHash } from 'node:crypto'
import dayjs from 'dayjs'
import { MAX_PENDING_COUNTED, type PendingCountsView } from '../../contracts/admission'
import { pageUrl, wechatPagePath } from '../../contracts/routes'
import { DIGEST_MARK_ID, type ApplicationDoc } from '../../domain/admission'
import { dayRuleOf } from '../../domain/days'
import type { GroupDoc } from '../../domain/group'
import { t } from '../../i18n/strings'
import { StoreConflictError, type Filter } from '../../store/port'
import { requireOpenid, type UseCaseContext } from '../context'
import type { Notifier } from '../ports/wechat'

const MANAGER_ROLES = ['owner', 'admin'] as const
/** Admin memberships the badge looks at (one query). */
const MAX_MANAGED_GROUPS = 100
/** Applications submitted this close to the run are left to the next one (their submit may not have committed). */
export const SETTLE_MS = 60_000
const PAGE = 100
const FIRST_LOOKBACK_MS = 24 * 3600_000

export async function getPendingCounts(ctx: UseCaseContext): Promise<PendingCountsView> {
  const openid = requireOpenid(ctx)
  const managed = await ctx.store.find('members', { where: { openid, role: { in: [...MANAGER_ROLES] } }, limit: MAX_MANAGED_GROUPS })
  if (managed.length === 0) return { counts: [], capped: false }
  const pending = await ctx.store.find('applications', {
    where: { groupId: { in: managed.map((m) => m.groupId) }, status: 'pending' },
    limit: MAX_PENDING_COUNTED,
  })
  const counts = new Map<string, number>()
  for (const app of pending) counts.set(app.groupId, (counts.get(app.groupId) ?? 0) + 1)
  return { counts: [...counts].map(([groupId, count]) => ({ groupId, pending: count })), capped: pending.length >= MAX_PENDING_COUNTED }
}

/** The id of an admin's digest message for the hour of `at`: one per admin per hour, by the store's uniqueness. */
export function digestMessageId(openid: string, at: Date): string {
  return `inbox_digest_${hourOf(at)}_${createHash('sha256').update(openid).digest('hex').slice(0, 16)}`
}

/** 2026112302: the UTC hour of an instant. */
function hourOf(at: Date): string {
  return at.toISOString().slice(0, 13).replace(/[-T]/g, '')
}

export async function sendApplicationDigest(ctx: UseCaseContext, notifier: Notifier): Promise<{ admins: number; applications: number }> {
  const now = ctx.now()
  const mark = await ctx.store.get('admissionDigests', DIGEST_MARK_ID)
  // Told this hour already (a re-run, an extra trigger): what came since waits for the next hour.
  if (mark && hourOf(new Date(mark.sentAt)) === hourOf(now)) return { admins: 0, applications: 0 }
  // The first run ever looks back a day.
  const from = mark?.through ?? new Date(now.getTime() - FIRST_LOOKBACK_MS).toISOString()
  const through = new Date(now.getTime() - SETTLE_MS).toISOString()
  if (through <= from) return { admins: 0, applications: 0 }

  const fresh: ApplicationDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await ctx.store.find('applications', {
      where: { status: 'pending', submittedAt: { gt: from, lte: through } },
      orderBy: [{ field: 'submittedAt', direction: 'asc' }],
      skip,
      limit: PAGE,
    })
    fresh.push(...page)
    if (page.length < PAGE) break
  }
  if (fresh.length === 0) {
    // Nothing new: the mark stays, the next run reads the same (empty) range and beyond.
    return { admins: 0, applications: 0 }
  }

  const perGroup = new Map<string, number>()
  for (const app of fresh) perGroup.set(app.groupId, (perGroup.get(app.groupId) ?? 0) + 1)
  const groupIds = [...perGroup.keys()]
  const [groups, admins] = await Promise.all([findByChunks('groups', groupIds, (ids) => ({ _id: { in: ids } })), findByChunks('members', groupIds, (ids) => ({ groupId: { in: ids }, role: { in: [...MANAGER_ROLES] } }))])
  const groupById = new Map((groups as GroupDoc[]).map((g) => [g._id, g]))

  // Each admin: their groups with new applications, biggest first.
  const byAdmin = new Map<string, GroupDoc[]>()
  for (const admin of admins as Array<{ openid: string; groupId: string }>) {
    const group = groupById.get(admin.groupId)
    if (group) byAdmin.set(admin.openid, [...(byAdmin.get(admin.openid) ?? []), group])
  }
  let told = 0
  for (const [openid, theirs] of byAdmin) {
    theirs.sort((a, b) => perGroup.get(b._id)! - perGroup.get(a._id)!)
    const total = theirs.reduce((sum, g) => sum + perGroup.get(g._id)!, 0)
    const one = theirs.length === 1 ? theirs[0] : null
    try {
      await ctx.store.create('inboxMessages', {
        _id: digestMessageId(openid, now),
        openid,
        groupId: one?._id ?? null,
        kind: 'application.digest',
        title: t('admission.digest.title', { count: total }),
        body: theirs.map((g) => t('admission.digest.line', { group: g.name, count: perGroup.get(g._id)! })).join('\n'),
        link: one ? pageUrl('review', { id: one._id }) : pageUrl('index'),
        createdAt: now.toISOString(),
        readAt: null,
      })
    } catch (error) {
      // This admin heard within this hour already.
      if (error instanceof StoreConflictError) continue
      throw error
    }
    told++
    const first = theirs[0]
    await notifier.notify('applicationDigest', {
      touser: openid,
      page: wechatPagePath('review', { id: first._id }),
      facts: { group: first.name, count: total, time: dayjs(now).tz(dayRuleOf(first).timezone).format('YYYY-MM-DD HH:mm') },
    })
  }
  await ctx.store.set('admissionDigests', { _id: DIGEST_MARK_ID, through, sentAt: now.toISOString() })
  return { admins: told, applications: fresh.length }

  async function findByChunks(collection: 'groups' | 'members', ids: string[], where: (ids: string[]) => unknown): Promise<unknown[]> {
    const found: unknown[] = []
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE)
      // Up to 100 groups per query; admins of 100 groups may exceed one page, so page through them.
      for (let skip = 0; ; skip += PAGE) {
        const page = await ctx.store.find(collection, { where: where(chunk) as Filter<never>, skip, limit: PAGE })
        found.push(...page)
        if (page.length < PAGE || collection === 'groups') break
      }
    }
    return found
  }
}
