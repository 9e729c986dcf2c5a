/** What `npm start` prints: the URL, the demo group, where the data lives, and how to switch persona. */
import path from 'node:path'
import { startupBanner } from '../../local-runtime/banner'

describe('npm start banner', () => {
  it('says where the data lives and how to switch persona (dev mode)', () => {
    const { lines, applyLink } = startupBanner({ url: 'http://127.0.0.1:8787', dataDir: 'data', devMode: true, seedDemo: true })
    const text = lines.join('\n')
    expect(text).toContain('社群助手本地运行中 / Local runtime: http://127.0.0.1:8787')
    expect(text).toContain('示例社群 / Demo group: http://127.0.0.1:8787/pages/group/index?id=demo-reading')
    expect(text).toContain(`数据 / Data: ${path.resolve('data', 'shequn.db')}`)
    expect(text).toContain(`照片 / photos: ${path.resolve('data', 'uploads')}`)
    expect(text).toContain(`停止后删除 ${path.resolve('data')} 即可从头再来`)
    expect(text).toContain('切换身份 / Switch persona: 页面顶部「切换身份（开发模式）」一栏，点 新访客、申请人、成员、管理员、群主')
    expect(applyLink).toBe('http://127.0.0.1:8787/packages/join/pages/apply/index?id=demo-reading')
  })

  it('says so when dev mode or the demo is off', () => {
    const text = startupBanner({ url: 'http://127.0.0.1:9000', dataDir: '/srv/shequn', devMode: false, seedDemo: false }).lines.join('\n')
    expect(text).toContain('开发模式已关闭（DEV_MODE=off）：没有身份切换')
    expect(text).toContain('SEED_DEMO 已关闭')
    expect(text).toContain('数据 / Data: /srv/shequn/shequn.db')
    expect(text).not.toContain('切换身份 / Switch persona')
  })
})
