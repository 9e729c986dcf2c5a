/**
 * Group use cases: read a group's public card (built by `toGroupProfile`); list the caller's groups.
 *
 * @example
 *   const profile = await getGroupProfile(ctx, { groupId: 'demo-reading' })
 *   profile.viewerRole // 'admin' | 'member' | 'owner' | null
 */
import { MAX_GROUP_CAPACITY, memberId, seatsLeft, type GroupDoc, type MemberDoc, type Role } from '../domain/group'
import type { GroupProfile, GroupToday, MyGroup } from '../contracts/group'
import { dayRuleOf, todayKey } from '../domain/days'
import { dailyTaskId, isPublished } from '../domain/tasks'
import { checkinTodayOf } from './checkin'
import { callerOpenid, requireOpenid, type UseCaseContext } from './context'
import { requireGroup } from './access'
import { boardBadges } from './board'

export async function getGroupProfile(ctx: UseCaseContext, input: { groupId: string }): Promise<GroupProfile> {
  const group = await requireGroup(ctx, input.groupId)
  const viewer = callerOpenid(ctx)
  const membership = viewer ? await ctx.store.get('members', memberId(group._id, viewer)) : null
  if (!membership) return toGroupProfile(group, null)
  const [[board], today] = await Promise.all([boardBadges(ctx.store, [{ group, member: membership }]), groupToday(ctx, group, membership)])
  return { ...toGroupProfile(group, membership.role), board, today }
}

/**
 * The group home's today panel, read beside the badges: the day's task by id and the latest pinned
 * announcement (one query); the check-in status comes from the membership already read.
 */
async function groupToday(ctx: UseCaseContext, group: GroupDoc, member: MemberDoc): Promise<GroupToday> {
  const now = ctx.now()
  const rule = dayRuleOf(group)
  const day = todayKey(now, rule)
  const [task, pinned, checkin] = await Promise.all([
    ctx.store.get('dailyTasks', dailyTaskId(group._id, day)),
    ctx.store.find('announcements', { where: { groupId: group._id, pinned: true }, orderBy: [{ field: 'pinnedAt', direction: 'desc' }], limit: 1 }),
    checkinTodayOf(ctx.store, member, day),
  ])
  return {
    day,
    timezone: rule.timezone,
    task: task === null ? null : isPublished(task, now) ? { title: task.title, published: true } : { publishAt: task.publishAt, published: false },
    checkedIn: checkin.checkedIn,
    streak: checkin.streak,
    pinned: pinned[0] ? { id: pinned[0]._id, title: pinned[0].title } : null,
  }
}

export async function listMyGroups(ctx: UseCaseContext): Promise<MyGroup[]> {
  const openid = requireOpenid(ctx)
  const memberships = await ctx.store.find('members', {
    where: { openid },
    orderBy: [{ field: 'joinedAt', direction: 'desc' }],
    limit: 100,
  })
  const groups = await Promise.all(memberships.map((m) => ctx.store.get('groups', m.groupId)))
  const found = memberships.flatMap((member, i) => {
    const group = groups[i]
    return group ? [{ group, member }] : []
  })
  const badges = await boardBadges(ctx.store, found)
  return found.map(({ group, member }, i) => ({
    id: group._id,
    name: group.name,
    topic: group.topic,
    role: member.role,
    memberCount: group.memberCount,
    board: badges[i],
  }))
}

/** The public card of a group, as an applicant or member sees it (the apply page and the review queue use it too). */
export function toGroupProfile(group: GroupDoc, viewerRole: Role | null): GroupProfile {
  return {
    id: group._id,
    name: group.name,
    intro: group.intro,
    topic: group.topic,
    memberCount: group.memberCount,
    capacity: Math.min(group.capacity, MAX_GROUP_CAPACITY),
    seatsLeft: seatsLeft(group),
    status: group.status,
    rules: group.rules,
    viewerRole,
  }
}
