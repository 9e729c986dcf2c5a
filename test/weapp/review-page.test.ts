/**
 * @jest-environment jsdom
 */
/**
 * The built review queue (dist/weapp/packages/admin/pages/review/index) in miniprogram-simulate, on the real handlers
 * and the seeded demo community: the admin approves one application from the queue; a member is refused.
 * Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import { waitFor, type WeappPage } from './simulate-page'

describe('weapp review queue', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('approves the oldest application: the applicant becomes a member and the queue shrinks', async () => {
    const callFunction = weapp.backend.callFunctionAs(personaOpenid('admin'))
    page = await weapp.open('packages/admin/pages/review/index', { query: { id: DEMO_GROUP_ID }, callFunction })
    await page.waitForText('#review-summary', '待审核 8 条')
    // Oldest first: 王磊 applied 40 hours before the seed.
    await page.waitForText('#application-0', '王磊-郑州-保险代理人')
    page.tap('#approve-0')
    await page.waitForText('#review-message', '已通过 王磊-郑州-保险代理人')
    await page.waitForText('#review-summary', '待审核 7 条')
    expect(page.text('#application-0')).not.toContain('王磊')

    const roster = (await callFunction({ name: 'members', data: { action: 'list', input: { groupId: DEMO_GROUP_ID } } })) as {
      data: { total: number; items: Array<{ nickname: string }> }
    }
    expect(roster.data.total).toBe(21)
    expect(roster.data.items.map((m) => m.nickname)).toContain('王磊-郑州-保险代理人')
  })

  it('rejects two selected applications in one go with a reason template, reporting each', async () => {
    const callFunction = weapp.backend.callFunctionAs(personaOpenid('admin'))
    page = await weapp.open('packages/admin/pages/review/index', { query: { id: DEMO_GROUP_ID }, callFunction })
    await page.waitForText('#review-summary', '待审核 7 条')
    page.tap('#order-newest')
    await page.waitForText('#application-0', '赵雪-郑州-银行柜员')
    page.tap('#select-0')
    page.tap('#select-1')
    await page.waitForText('#batch-bar', '已选 2 条')
    page.tap('#batch-reject')
    await page.waitForText('#reject-panel', '拒绝理由')
    page.tap('#reason-template-2')
    await new Promise((resolve) => setTimeout(resolve, 50))
    page.tap('#reject-confirm')
    await page.waitForText('#review-message', '已拒绝 赵雪-郑州-银行柜员')
    await page.waitForText('#review-summary', '待审核 5 条')
    expect(page.text('#review-message').match(/已拒绝/g)).toHaveLength(2)
    const decide = page.calls.find((c) => (c.data as { action: string }).action === 'decideBatch')
    expect(decide?.data).toMatchObject({ input: { decision: 'reject', reason: '本期名额已满，请关注下一期开群通知' } })
  })

  it('shows a member the FORBIDDEN message instead of the queue', async () => {
    page = await weapp.open('packages/admin/pages/review/index', { query: { id: DEMO_GROUP_ID }, callFunction: weapp.backend.callFunctionAs(personaOpenid('member')) })
    await page.waitForText('#review-error', '你没有权限进行此操作')
    expect(page.query('#application-0')).toBeNull()
  })

  it('a rejection needs a reason or an explicit 不说明原因; batch approval asks first (confirmed here)', async () => {
    const callFunction = weapp.backend.callFunctionAs(personaOpenid('admin'))
    page = await weapp.open('packages/admin/pages/review/index', { query: { id: DEMO_GROUP_ID }, callFunction })
    await page.waitForText('#application-0', '-')
    const before = await page.waitForText('#review-summary', '待审核')
    page.tap('#select-0')
    await page.waitForText('#batch-bar', '已选 1 条')
    page.tap('#batch-reject')
    await page.waitForText('#reject-hint', '请选择或填写拒绝原因，或点「不说明原因」')
    page.tap('#reject-confirm')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(page.calls.some((c) => (c.data as { action: string }).action.startsWith('decide'))).toBe(false)
    page.tap('#reject-no-reason')
    await waitFor(() => page!.calls.some((c) => (c.data as { action: string }).action.startsWith('decide')), 5000, () => 'the rejection to be sent')
    const decided = page.calls.find((c) => (c.data as { action: string }).action.startsWith('decide'))
    expect(decided?.data).toMatchObject({ input: { decision: 'reject', reason: '' } })

    // The queue reloads after the decision: one fewer pending; select from the fresh list.
    await page.waitForText('#review-message', '已拒绝')
    await waitFor(() => page!.text('#review-summary').includes('待审核') && page!.text('#review-summary') !== before, 5000, () => 'the queue to reload')
    await page.waitForText('#application-1', '-')
    page.tap('#select-0')
    page.tap('#select-1')
    await page.waitForText('#batch-bar', '已选 2 条')
    page.tap('#batch-approve')
    await waitFor(() => page!.calls.some((c) => (c.data as { action: string; input: { decision?: string } }).action === 'decideBatch' && (c.data as { input: { decision?: string } }).input.decision === 'approve'), 5000, () => 'the batch approval after the confirmation')
  })
})
