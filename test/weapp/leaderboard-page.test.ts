/**
 * @jest-environment jsdom
 */
/**
 * The built leaderboard and my-progress pages (dist/weapp/packages/participation/pages/…) in miniprogram-simulate,
 * on the real handlers and the demo community's month of check-ins: the member's own rank pinned on top, rows in
 * the server's order (ties as it orders them), the tabs asking for each board, and the progress page's goal
 * 「连续打卡 21 天送书 — 还差 N 天」 with points, ranks and streak history. Needs `npm run build:weapp` first.
 */
import { getLeaderboard, getMyProgress, type LeaderboardPage, type MyProgress } from '../../contracts/participation'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor } from './simulate-page'

const BOARD = 'packages/participation/pages/leaderboard/index'
const PROGRESS = 'packages/participation/pages/progress/index'

describe('weapp leaderboard and progress pages', () => {
  const weapp = setUpWeappPages()
  const member = () => weapp.backend.callFunctionAs(personaOpenid('member'))

  async function board(input: Record<string, unknown>): Promise<LeaderboardPage> {
    const result = (await member()({ name: getLeaderboard.fn, data: { action: getLeaderboard.action, input: { groupId: DEMO_GROUP_ID, ...input } } })) as { data: LeaderboardPage }
    return result.data
  }

  it('shows this week’s board by points, then all time, in the server’s order, with my rank pinned on top', async () => {
    const week = await board({})
    const page = await weapp.open(BOARD, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#leaderboard-period', `${week.periodKey} 起的一周`)
    if (week.me) expect(page.text('#my-rank-value')).toBe(`第 ${week.me.rank} 名`)
    else expect(page.text('#my-rank-none')).toBe('还没有上榜，打卡就能上榜')

    page.tap('#period-all')
    const all = await board({ period: 'all' })
    expect(all.me).not.toBeNull()
    await page.waitForText('#my-rank-value', `第 ${all.me!.rank} 名`)
    expect(page.text('#my-rank-score')).toBe(`${all.me!.value} 分`)
    expect(page.query('#leaderboard-period')).toBeNull()
    expect(all.items.length).toBeGreaterThan(10)
    all.items.forEach((row, index) => {
      const shown = page.text(`#rank-row-${index}`)
      expect(shown).toContain(`${row.rank}${row.nickname}`)
      expect(shown).toContain(`${row.value} 分`)
    })
    const mine = all.items.findIndex((row) => row.isViewer)
    expect(page.text(`#rank-row-${mine}`)).toContain('（我）')
    expect(page.text('#leaderboard')).not.toMatch(/o_demo_/)
  })

  it('asks for the month by check-in days, then the streak board, which ranks by the streak alone', async () => {
    const page = await weapp.open(BOARD, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#my-rank', '我的排名')
    page.tap('#period-month')
    await waitFor(() => /^\d{4} 年 \d{1,2} 月$/.test(page.text('#leaderboard-period')), 5000, () => 'the month board')
    page.tap('#metric-checkins')
    const month = await board({ period: 'month', metric: 'checkins' })
    await page.waitForText('#rank-row-0', `${month.items[0].value} 天`)
    expect(page.text('#rank-row-0')).toContain(month.items[0].nickname)

    page.tap('#period-streak')
    const streak = await board({ period: 'streak' })
    await page.waitForText('#rank-row-0', `连续 ${streak.items[0].value} 天`)
    expect(page.query('#metric-tabs')).toBeNull()
    // Equal streaks share a rank and keep the server's order (who joined earlier first).
    streak.items.slice(0, 6).forEach((row, index) => expect(page.text(`#rank-row-${index}`)).toContain(`${row.rank}${row.nickname}`))
    const sent = page.calls.map((c) => (c.data as { input: Record<string, unknown> }).input)
    expect(sent).toEqual(
      expect.arrayContaining([
        { groupId: DEMO_GROUP_ID, period: 'month', metric: 'score' },
        { groupId: DEMO_GROUP_ID, period: 'month', metric: 'checkins' },
        { groupId: DEMO_GROUP_ID, period: 'streak', metric: 'checkins' },
      ]),
    )
  })

  it('shows my progress toward the group’s goal, my points, ranks and streak history', async () => {
    const result = (await member()({ name: getMyProgress.fn, data: { action: getMyProgress.action, input: { groupId: DEMO_GROUP_ID } } })) as { data: MyProgress }
    const expected = result.data
    expect(expected.goal?.text).toMatch(/^连续打卡 21 天送书 — 还差 \d+ 天$/)
    const page = await weapp.open(PROGRESS, { query: { id: DEMO_GROUP_ID }, callFunction: member() })
    await page.waitForText('#progress-goal-text', expected.goal!.text)
    expect(page.text('#progress-goal-count')).toBe(`${expected.goal!.current}/21 天`)
    expect(page.text('#progress-score')).toContain(String(expected.score))
    expect(page.text('#progress-days')).toContain(String(expected.checkinDays))
    expect(page.text('#progress-rank-week')).toContain(expected.rank.week === null ? '未上榜' : `第 ${expected.rank.week} 名`)
    expect(page.text('#progress-streak-now')).toBe(`当前连续 ${expected.streak.current} 天`)
    expect(expected.streakHistory.length).toBeGreaterThan(0)
    expect(page.text('#progress-run-0')).toContain(`${expected.streakHistory[0].days} 天`)
    expect(page.text('#progress-points')).toContain(`打卡 ${expected.points.checkin} 分`)
  })
})
