/**
 * @jest-environment jsdom
 */
/**
 * The built join-guide page (dist/weapp/packages/admin/pages/join-guide/index) in miniprogram-simulate,
 * calling the real `admission` handlers on an in-memory SQLite store seeded with the demo community.
 * Needs `npm run build:weapp` first.
 */
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { setUpWeappPages } from './backend'
import type { WeappPage } from './simulate-page'

describe('weapp join-guide page', () => {
  const weapp = setUpWeappPages()
  let page: WeappPage | null = null

  it('lets an admin save the instructions and lists who was approved but has not joined', async () => {
    page = await weapp.open('packages/admin/pages/join-guide/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('admin')),
    })
    await page.waitForText('#join-guide-not-joined', '已通过但未入群（超过 3 天）')
    // The demo's two most recent members have not said 我已入群.
    await page.waitForText('#join-guide-not-joined', '林晓-信阳-茶叶店主')
    expect(page.text('#join-guide-not-joined')).toContain('罗欣-郑州-全职妈妈')
    expect(page.text('#join-guide-group-qr-upload')).toBe('上传图片')
    page.input('#join-guide-instructions', '进群暗号：早起读书')
    page.tap('#join-guide-save')
    await page.waitForText('#join-guide-saved', '已保存')
    const group = await weapp.backend.store.get('groups', DEMO_GROUP_ID)
    expect(group?.joinGuide?.instructions).toBe('进群暗号：早起读书')
    expect(page.calls.map((call) => (call.data as { action: string }).action)).toEqual(expect.arrayContaining(['getJoinGuideSettings', 'listNotJoined', 'updateJoinGuide']))
  })

  it('refuses a plain member', async () => {
    page = await weapp.open('packages/admin/pages/join-guide/index', {
      query: { id: DEMO_GROUP_ID },
      callFunction: weapp.backend.callFunctionAs(personaOpenid('member')),
    })
    await page.waitForText('#join-guide-error', '权限')
  })
})
