/**
 * A small group for the check-in / board tests: owner, admin and members, with the real function
 * handlers bound to one store and a clock the test sets per call.
 *
 * @example
 *   const fx = await makeCheckinFixture({ timezone: 'America/New_York' })
 *   await fx.call('checkin', 'checkIn', { groupId: fx.groupId, note: 'done' }, MEMBER, '2026-03-08T04:30:00Z')
 */
import type { FunctionName } from '../../contracts/define'
import type { ActionResult } from '../../contracts/define'
import { memberId, type GroupDoc, type MemberDoc, type Role } from '../../domain/group'
import { invokeFunction } from '../../local-runtime/functions'
import type { Store } from '../../store/port'
import { makeStore } from './store'

export const GROUP = 'g-read'
export const OWNER = 'o_owner'
export const ADMIN = 'o_admin'
export const MEMBER = 'o_member'
export const OUTSIDER = 'o_outsider'

export function checkinGroup(overrides: Partial<GroupDoc> = {}): GroupDoc {
  return {
    _id: GROUP,
    name: '晨读打卡·测试群',
    intro: '每天一章',
    topic: '读书打卡',
    capacity: 500,
    memberCount: 3,
    timezone: 'Asia/Shanghai',
    rules: { version: 1, clauses: ['不发广告', '每天 8 点发布任务'], publishedAt: '2026-01-01T00:00:00.000Z' },
    ownerOpenid: OWNER,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function checkinMember(openid: string, role: Role, joinedAt = '2026-01-01T00:00:00.000Z'): MemberDoc {
  return { _id: memberId(GROUP, openid), groupId: GROUP, openid, role, intro: { name: `名${openid.slice(-3)}`, region: '郑州', occupation: '教师' }, joinedAt }
}

export interface CheckinFixture {
  store: Store
  groupId: string
  call(fn: FunctionName, action: string, input: unknown, openid: string | null, at: string): Promise<ActionResult<unknown>>
  /** The data of a successful call; fails the test with the error otherwise. */
  ok<T = any>(fn: FunctionName, action: string, input: unknown, openid: string | null, at: string): Promise<T>
}

export async function seedCheckinGroup(store: Store, group: Partial<GroupDoc> = {}, extraMembers: string[] = []): Promise<void> {
  await store.create('groups', checkinGroup({ ...group, memberCount: 3 + extraMembers.length }))
  for (const member of [checkinMember(OWNER, 'owner'), checkinMember(ADMIN, 'admin'), checkinMember(MEMBER, 'member')]) await store.create('members', member)
  for (const openid of extraMembers) await store.create('members', checkinMember(openid, 'member'))
}

export async function makeCheckinFixture(group: Partial<GroupDoc> = {}, extraMembers: string[] = []): Promise<CheckinFixture> {
  const store = await makeStore()
  await seedCheckinGroup(store, group, extraMembers)
  const call: CheckinFixture['call'] = (fn, action, input, openid, at) =>
    invokeFunction(store, fn, { action, input }, openid, { now: () => new Date(at) })
  return {
    store,
    groupId: GROUP,
    call,
    async ok(fn, action, input, openid, at) {
      const result = await call(fn, action, input, openid, at)
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(result.error)}`)
      return result.data as any
    },
  }
}
