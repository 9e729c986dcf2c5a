/**
 * A small group for admission / member tests: owner, admin, member (and anyone else you add), with the
 * use-case context and the real function handlers bound to one store and the fixed clock.
 *
 * @example
 *   const fx = await makeAdmissionFixture({ capacity: 5 })
 *   await fx.call('admission', 'submit', applyInput(fx), 'o_new')
 */
import type { FunctionName } from '../../contracts/define'
import type { SubmitApplicationInput } from '../../usecases/admission'
import type { UseCaseContext } from '../../usecases/context'
import { memberId, type GroupDoc, type MemberDoc, type Role } from '../../domain/group'
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplates } from '../../contracts/subscribe-templates'
import { createFunctionHandlers, invokeFunction } from '../../local-runtime/functions'
import { createLocalWechatServices, type LocalWechatServices } from '../../platform/wechat-services-local'
import { withNotifier } from '../../usecases/notifications'
import type { WechatPort } from '../../usecases/ports/wechat'
import type { Store } from '../../store/port'
import { FIXED_NOW, makeStore } from './store'

export const GROUP = 'g-adm'
export const OWNER = 'o_owner'
export const ADMIN = 'o_admin'
export const MEMBER = 'o_member'

export function testGroup(overrides: Partial<GroupDoc> = {}): GroupDoc {
  return {
    _id: GROUP,
    name: '周末徒步·郑州群',
    intro: '每周六一起走郑州周边的山',
    topic: '户外徒步',
    capacity: 500,
    memberCount: 3,
    timezone: 'Asia/Shanghai',
    rules: { version: 2, clauses: ['不发广告', '活动报名请接龙'], publishedAt: '2026-01-01T00:00:00.000Z' },
    ownerOpenid: OWNER,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function testMember(openid: string, role: Role, name = '张三'): MemberDoc {
  return {
    _id: memberId(GROUP, openid),
    groupId: GROUP,
    openid,
    role,
    intro: { name, region: '郑州', occupation: '工程师' },
    joinedAt: '2026-01-01T00:00:00.000Z',
  }
}

export function applyInput(overrides: Partial<SubmitApplicationInput> = {}): SubmitApplicationInput {
  return {
    groupId: GROUP,
    rulesVersion: 2,
    acceptRules: true,
    intro: { name: '王芳', region: '郑州', occupation: '会计', about: '喜欢爬山' },
    answers: {},
    subscribedTemplateIds: [],
    ...overrides,
  }
}

export interface AdmissionFixture {
  store: Store
  /** What the use cases get: the local WeChat services with the fixture's template table. */
  services: WechatPort
  /** The local WeChat services underneath; `wechat.sent` holds the subscribe messages sent. */
  wechat: LocalWechatServices
  ctx(openid: string | null, now?: Date): UseCaseContext
  /** Through the real handlers of the local runtime. */
  call(fn: FunctionName, action: string, input: unknown, openid: string | null): Promise<{ ok: boolean; data?: any; error?: any }>
}

export async function makeAdmissionFixture(
  group: Partial<GroupDoc> = {},
  extraMembers: MemberDoc[] = [],
  options: { templates?: SubscribeTemplates } = {},
): Promise<AdmissionFixture> {
  const store = await makeStore()
  await store.create('groups', testGroup({ memberCount: 3 + extraMembers.length, ...group }))
  for (const member of [testMember(OWNER, 'owner', '周敏'), testMember(ADMIN, 'admin', '王强'), testMember(MEMBER, 'member', '李娜'), ...extraMembers]) {
    await store.create('members', member)
  }
  const wechat = createLocalWechatServices({ appBaseUrl: 'http://127.0.0.1:8787' })
  const templates = options.templates ?? SUBSCRIBE_TEMPLATES
  const handlers = createFunctionHandlers({ wechat, templates })
  return {
    store,
    services: withNotifier(wechat, templates),
    wechat,
    ctx: (openid, now = FIXED_NOW) => ({ store, openid, now: () => now }),
    call: (fn, action, input, openid) =>
      invokeFunction(store, fn, { action, input }, openid, { now: () => FIXED_NOW, handlers }) as Promise<{ ok: boolean; data?: any; error?: any }>,
  }
}
