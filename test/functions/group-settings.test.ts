/**
 * The group settings through the real handlers on SQLite: who may change what (the owner alone the day rule and
 * the capacity), typed Chinese refusals that change nothing, the audit entry, the make-up policy and the task
 * publish time counting from the save, and a day-rule change that takes effect at the next group day without
 * touching a check-in or breaking a streak — also on an instance that remembered the old rule.
 */
import { checkIn, getCheckinOverview, getGroupSettings, listDailyTasks, makeUpCheckin, saveGroupSettings, type GroupSettingsView } from '../../contracts'
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { DAY_RULE_CACHE_MS, groupDayRule, rememberDayRule } from '../../usecases/group-cache'
import { ADMIN, GROUP, MEMBER, OWNER, makeFixture, storeSnapshot, type Fixture } from '../support/fixture'

/** The form as the page sends it, from the settings view. */
function form(view: GroupSettingsView, patch: Partial<Omit<GroupSettingsView, 'makeUp'>> & { makeUp?: Partial<GroupSettingsView['makeUp']> } = {}) {
  const { makeUp, ...rest } = patch
  return {
    groupId: GROUP,
    name: rest.name ?? view.name,
    intro: rest.intro ?? view.intro,
    timezone: rest.timezone ?? view.timezone,
    dayStartHour: rest.dayStartHour ?? view.dayStartHour,
    makeUp: { ...view.makeUp, ...makeUp },
    taskPublishTime: rest.taskPublishTime ?? view.taskPublishTime,
    capacity: rest.capacity ?? view.capacity,
  }
}

describe('group settings', () => {
  let fx: Fixture
  beforeEach(async () => {
    fx = await makeFixture({ now: '2026-11-30T02:00:00Z' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows owners and admins the settings with their defaults; members and outsiders are refused', async () => {
    const view = await fx.api.as(ADMIN).call(getGroupSettings, { groupId: GROUP })
    expect(view).toMatchObject({
      name: '周末徒步·郑州群',
      timezone: 'Asia/Shanghai',
      dayStartHour: 0,
      dayRuleChange: null,
      makeUp: { enabled: false, windowDays: 3, monthlyLimit: 2 },
      taskPublishTime: '08:00',
      capacity: 500,
      memberCount: 3,
      maxCapacity: 500,
      today: '2026-11-30',
      viewerRole: 'admin',
      canEditOwnerSettings: false,
    })
    expect((await fx.api.as(OWNER).call(getGroupSettings, { groupId: GROUP })).canEditOwnerSettings).toBe(true)
    expect(await fx.api.as(MEMBER).result(getGroupSettings, { groupId: GROUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('an admin changes the make-up policy, the task time, name and intro: members see the policy at once, new tasks get the time; audited', async () => {
    const view = await fx.api.as(ADMIN).call(getGroupSettings, { groupId: GROUP })
    const saved = await fx.api.as(ADMIN).call(saveGroupSettings, form(view, { name: '周末徒步·郑州一群', intro: '每周六走山', makeUp: { enabled: true, windowDays: 2, monthlyLimit: 3 }, taskPublishTime: '07:30' }))
    expect(saved).toMatchObject({ saved: true, dayRule: { kind: 'unchanged' }, settings: { name: '周末徒步·郑州一群', makeUp: { enabled: true, windowDays: 2, monthlyLimit: 3 }, taskPublishTime: '07:30' } })

    const overview = await fx.api.as(MEMBER).call(getCheckinOverview, { groupId: GROUP })
    expect(overview.makeUp).toMatchObject({ policy: { enabled: true, windowDays: 2, monthlyLimit: 3 }, left: 3, candidates: ['2026-11-29', '2026-11-28'] })
    await fx.api.as(MEMBER).call(makeUpCheckin, { groupId: GROUP, day: '2026-11-28' })
    expect(await fx.api.as(MEMBER).result(makeUpCheckin, { groupId: GROUP, day: '2026-11-27' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '只能补最近 2 天内的卡' } })
    expect((await fx.api.as(ADMIN).call(listDailyTasks, { groupId: GROUP })).defaultPublishTime).toBe('07:30')

    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'group.settings' }, limit: 5 })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorOpenid: ADMIN, detail: { changed: 'name,intro,makeUp,taskPublishTime', makeUp: 'off/3/2 → on/2/3', taskPublishTime: '08:00 → 07:30', name: '周末徒步·郑州群 → 周末徒步·郑州一群' } })
  })

  it('refuses, changing nothing: an admin touching the day rule or capacity, a capacity under the member count or over 500, an unknown zone, bad numbers', async () => {
    const view = await fx.api.as(OWNER).call(getGroupSettings, { groupId: GROUP })
    const before = await storeSnapshot(fx.store)
    const refusals: Array<[string, ReturnType<typeof form>, string, string]> = [
      [ADMIN, form(view, { dayStartHour: 4 }), 'FORBIDDEN', '只有群主可以修改时区、日界和人数上限'],
      [ADMIN, form(view, { timezone: 'America/New_York' }), 'FORBIDDEN', '只有群主可以修改时区、日界和人数上限'],
      [ADMIN, form(view, { capacity: 200 }), 'FORBIDDEN', '只有群主可以修改时区、日界和人数上限'],
      [OWNER, form(view, { capacity: 2 }), 'INVALID_INPUT', '人数上限不能低于当前成员数 3'],
      [OWNER, form(view, { capacity: 501 }), 'INVALID_INPUT', '请填 1 到 500 之间的整数'],
      [OWNER, form(view, { timezone: 'Mars/Olympus' }), 'INVALID_INPUT', '请选择一个有效的时区'],
      [OWNER, form(view, { dayStartHour: 24 }), 'INVALID_INPUT', '请填 0 到 23 之间的整数'],
      [OWNER, form(view, { makeUp: { windowDays: 8 } }), 'INVALID_INPUT', '请填 1 到 7 之间的整数'],
      [OWNER, form(view, { taskPublishTime: '25:00' }), 'INVALID_INPUT', '时间格式应为 HH:mm，例如 08:00'],
      [OWNER, form(view, { name: '   ' }), 'INVALID_INPUT', '此项必填'],
      [MEMBER, form(view, { makeUp: { enabled: true } }), 'FORBIDDEN', '你没有权限进行此操作'],
    ]
    for (const [who, input, code, message] of refusals) {
      const result = await fx.api.as(who).result(saveGroupSettings, input)
      expect(result).toMatchObject({ ok: false, error: { code } })
      if (!result.ok) expect(Object.values(result.error.fields ?? {}).concat(result.error.message)).toContain(message)
    }
    expect(await storeSnapshot(fx.store)).toEqual(before)
    // An admin may send the owner's settings unchanged with other changes.
    expect((await fx.api.as(ADMIN).call(saveGroupSettings, form(view, { taskPublishTime: '09:00' }))).saved).toBe(true)
  })

  it('a preview answers the plan and writes nothing', async () => {
    const view = await fx.api.as(OWNER).call(getGroupSettings, { groupId: GROUP })
    const before = await storeSnapshot(fx.store)
    const preview = await fx.api.as(OWNER).call(saveGroupSettings, { ...form(view, { dayStartHour: 4 }), preview: true })
    expect(preview).toMatchObject({ saved: false, dayRule: { kind: 'planned', fromDay: '2026-12-01', startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-01T20:00:00.000Z', hours: 28 } })
    expect(await storeSnapshot(fx.store)).toEqual(before)
  })

  it('the owner moves the day start to 04:00: today’s check-ins stay, the change counts from tomorrow, the streak runs on — also on an instance that remembered the old rule', async () => {
    const member = fx.api.as(MEMBER)
    await member.at('2026-11-29T01:00:00Z').call(checkIn, { groupId: GROUP, linkTask: false })
    await member.at('2026-11-30T01:00:00Z').call(checkIn, { groupId: GROUP, linkTask: false })
    const realNow = Date.now()
    const view = await fx.api.as(OWNER).call(getGroupSettings, { groupId: GROUP })
    const oldGroup = (await fx.store.get('groups', GROUP))!
    const saved = await fx.api.as(OWNER).at('2026-11-30T02:00:00Z').call(saveGroupSettings, form(view, { dayStartHour: 4 }))
    expect(saved.dayRule).toMatchObject({ kind: 'planned', fromDay: '2026-12-01', hours: 28 })
    expect(saved.settings.dayRuleChange).toMatchObject({ fromDay: '2026-12-01', inEffect: false, before: { dayStartHour: 0 }, after: { dayStartHour: 4 } })
    const audit = await fx.store.find('auditLogs', { where: { groupId: GROUP, action: 'group.settings' }, limit: 5 })
    expect(audit[0].detail).toMatchObject({ changed: 'dayStartHour', dayStartHour: '0 → 4', fromDay: '2026-12-01' })

    // As on an instance that read the group just before the save: it remembers the old rule (00:00)…
    rememberDayRule(fx.store, oldGroup)
    expect((await groupDayRule(fx.store, GROUP)).change).toBeUndefined()
    // …for 5 minutes of its own clock; the switch is at least an hour away, so by then it has read the new rule.
    jest.spyOn(Date, 'now').mockReturnValue(realNow + DAY_RULE_CACHE_MS + 1000)
    expect((await groupDayRule(fx.store, GROUP)).change).toMatchObject({ fromDay: '2026-12-01' })
    // Today's check-in is unchanged; 02:30 on 12-02 (Shanghai) is still 12-01, the transition day.
    expect(await fx.store.get('checkins', checkinId(GROUP, MEMBER, '2026-11-30'))).not.toBeNull()
    const late = await member.at('2026-12-02T02:30:00+08:00').call(checkIn, { groupId: GROUP, linkTask: false })
    expect(late.checkin.day).toBe('2026-12-01')
    expect(late.streak.current).toBe(3)
    // 03:30 on 12-03 counts for 12-02 under the new rule: the streak runs on.
    const next = await member.at('2026-12-03T03:30:00+08:00').call(checkIn, { groupId: GROUP, linkTask: false })
    expect(next.checkin.day).toBe('2026-12-02')
    expect(next.streak.current).toBe(4)
    expect((await fx.store.get('members', memberId(GROUP, MEMBER)))?.checkin).toMatchObject({ currentStreak: 4, lastDay: '2026-12-02', totalDays: 4 })
    // During the transition day, another change is refused with the time it ends.
    const during = await fx.api.as(OWNER).at('2026-12-01T12:00:00+08:00').result(saveGroupSettings, form(view, { dayStartHour: 6 }))
    expect(during).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '上一次的打卡日修改正在过渡中（到 12/02 04:00 结束），之后再改' } })
  })

  it('undoing a change not yet in effect restores the old rule', async () => {
    const view = await fx.api.as(OWNER).call(getGroupSettings, { groupId: GROUP })
    await fx.api.as(OWNER).call(saveGroupSettings, form(view, { timezone: 'America/New_York' }))
    const undone = await fx.api.as(OWNER).call(saveGroupSettings, form(view, { timezone: 'Asia/Shanghai' }))
    expect(undone.dayRule).toEqual({ kind: 'cancelled' })
    expect(undone.settings).toMatchObject({ timezone: 'Asia/Shanghai', dayRuleChange: null })
    expect(await fx.store.get('groups', GROUP)).toMatchObject({ timezone: 'Asia/Shanghai', dayStartHour: 0, dayRuleChange: null })
  })
})
