/**
 * The routes table is the app's page list: each route has a page source, the app config lists exactly
 * the routes, and URLs come out in the two forms WeChat needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import appConfig from '../../miniprogram/app.config'
import { APP_PAGES, ROUTES, pageUrl, wechatPagePath } from '../../contracts/routes'

const SOURCE_DIR = path.resolve(__dirname, '../../miniprogram')

describe('routes', () => {
  it('every route has a page component and a page config in miniprogram/', () => {
    for (const page of Object.values(ROUTES)) {
      expect([page, fs.existsSync(path.join(SOURCE_DIR, `${page}.tsx`))]).toEqual([page, true])
      expect([page, fs.existsSync(path.join(SOURCE_DIR, `${page}.config.ts`))]).toEqual([page, true])
    }
  })

  it('app.config lists exactly the routes, the home page first', () => {
    expect(appConfig.pages).toEqual(APP_PAGES)
    expect(appConfig.pages?.[0]).toBe(ROUTES.index)
    expect(new Set(APP_PAGES).size).toBe(APP_PAGES.length)
  })

  it('every page folder under miniprogram/pages is a route', () => {
    const folders = fs.readdirSync(path.join(SOURCE_DIR, 'pages')).map((name) => `pages/${name}/index`)
    expect(folders.sort()).toEqual([...APP_PAGES].sort())
  })

  it('builds the leading-slash URL for navigation and the bare path for WeChat, query encoded', () => {
    expect(pageUrl('checkin', { id: 'g1' })).toBe('/pages/checkin/index?id=g1')
    expect(wechatPagePath('checkin', { id: 'g1' })).toBe('pages/checkin/index?id=g1')
    expect(pageUrl('inbox')).toBe('/pages/inbox/index')
    expect(pageUrl('apply', { scene: 'i_01' })).toBe('/pages/apply/index?scene=i_01')
    expect(pageUrl('group', { id: 'a b&c' })).toBe('/pages/group/index?id=a%20b%26c')
  })
})
