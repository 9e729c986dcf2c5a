/**
 * The routes table is the app's page list: each route has a page source in its package's folder, the app
 * config lists exactly the routes (main package and subpackages), and URLs come out in the two forms
 * WeChat needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import appConfig from '../../miniprogram/app.config'
import { LOTTERY_PAGE_PATH } from '../../contracts/lottery'
import { APP_PAGES, APP_PRELOAD_RULE, APP_SUBPACKAGES, MOVED_PAGES, ROUTES, ROUTE_TABLE, SUBPACKAGE_ROOTS, currentPageUrl, movedPageRedirect, pageUrl, wechatPagePath } from '../../contracts/routes'

const SOURCE_DIR = path.resolve(__dirname, '../../miniprogram')

/** `pages/<name>/index` for every folder under `<root>/pages`. */
function pageFolders(root: string): string[] {
  return fs.readdirSync(path.join(SOURCE_DIR, root, 'pages')).map((name) => path.posix.join(root, 'pages', name, 'index'))
}

describe('routes', () => {
  it('every route has a page component and a page config in miniprogram/, under its package root', () => {
    for (const page of Object.values(ROUTES)) {
      expect([page, fs.existsSync(path.join(SOURCE_DIR, `${page}.tsx`))]).toEqual([page, true])
      expect([page, fs.existsSync(path.join(SOURCE_DIR, `${page}.config.ts`))]).toEqual([page, true])
    }
  })

  it('app.config lists exactly the routes, the home page first, each in its package', () => {
    expect(appConfig.pages).toEqual(APP_PAGES)
    expect(appConfig.subPackages).toEqual(APP_SUBPACKAGES)
    expect(appConfig.pages?.[0]).toBe(ROUTES.index)
    const listed = [
      ...(appConfig.pages ?? []),
      ...(appConfig.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ]
    expect(listed.sort()).toEqual(Object.values(ROUTES).sort())
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('the main package holds the first screen only (home, group); the rest is in subpackages', () => {
    expect(APP_PAGES).toEqual(['pages/index/index', 'pages/group/index'])
    expect(APP_SUBPACKAGES).toEqual([
      {
        root: 'packages/admin',
        pages: [
          'pages/review/index',
          'pages/admission-settings/index',
          'pages/tasks/index',
          'pages/join-guide/index',
          'pages/lottery-create/index',
          'pages/lottery-manage/index',
          'pages/exports/index',
          'pages/participation-settings/index',
          'pages/announcements/index',
          'pages/rules/index',
          'pages/group-settings/index',
        ],
      },
      { root: 'packages/lottery', pages: ['pages/lottery/index', 'pages/list/index'] },
      { root: 'packages/participation', pages: ['pages/leaderboard/index', 'pages/progress/index', 'pages/groups-overview/index'] },
      { root: 'packages/join', pages: ['pages/apply/index'] },
      {
        root: 'packages/member',
        pages: ['pages/members/index', 'pages/invite/index', 'pages/inbox/index', 'pages/checkin/index', 'pages/rules/index', 'pages/announcements/index'],
      },
      { root: 'packages/insights', pages: ['pages/dashboard/index'] },
    ])
    expect(ROUTE_TABLE.members).toHaveProperty('package', 'member')
    expect(ROUTE_TABLE.apply).toHaveProperty('package', 'join')
  })

  it('the group home preloads the member pages and 申请加入 on any network, and app.config says so', () => {
    expect(APP_PRELOAD_RULE).toEqual({ 'pages/group/index': { network: 'all', packages: ['packages/member', 'packages/join'] } })
    expect(appConfig.preloadRule).toEqual(APP_PRELOAD_RULE)
    // WeChat: a preload rule's page and packages must exist, and the page may not preload its own package.
    for (const [page, rule] of Object.entries(APP_PRELOAD_RULE)) {
      expect(Object.values(ROUTES)).toContain(page)
      for (const root of rule.packages) expect(Object.values(SUBPACKAGE_ROOTS)).toContain(root)
      expect(rule.packages.some((root) => page.startsWith(root + '/'))).toBe(false)
    }
  })

  it('sends a moved page’s old path to where it is now, query kept, and leaves other paths alone', () => {
    expect(movedPageRedirect('pages/apply/index', { scene: 'i_01' })).toBe('/packages/join/pages/apply/index?scene=i_01')
    expect(movedPageRedirect('/pages/checkin/index', { id: 'g 1' })).toBe('/packages/member/pages/checkin/index?id=g%201')
    expect(movedPageRedirect('pages/inbox/index')).toBe('/packages/member/pages/inbox/index')
    // A page that moved from one subpackage to another: the dashboard left the admin pages.
    expect(movedPageRedirect('packages/admin/pages/dashboard/index', { id: 'g1' })).toBe('/packages/insights/pages/dashboard/index?id=g1')
    expect(movedPageRedirect('pages/group/index', { id: 'g1' })).toBeNull()
    expect(movedPageRedirect('pages/nowhere/index')).toBeNull()
    expect(currentPageUrl('/pages/members/index?id=g1')).toBe('/packages/member/pages/members/index?id=g1')
    expect(currentPageUrl('/pages/group/index?id=g1')).toBe('/pages/group/index?id=g1')
    expect(currentPageUrl('/packages/admin/pages/review/index?id=g1')).toBe('/packages/admin/pages/review/index?id=g1')
    // Every old path was a page once and is not one now; each leads to a page that exists.
    for (const [old, name] of Object.entries(MOVED_PAGES)) {
      expect(Object.values(ROUTES)).not.toContain(old)
      expect(ROUTES[name]).not.toBe(old)
    }
  })

  it('every page folder under miniprogram/pages and each subpackage root is a route', () => {
    const folders = ['', ...Object.values(SUBPACKAGE_ROOTS)].flatMap(pageFolders)
    expect(folders.sort()).toEqual(Object.values(ROUTES).sort())
  })

  it('builds the leading-slash URL for navigation and the bare path for WeChat, query encoded', () => {
    expect(pageUrl('checkin', { id: 'g1' })).toBe('/packages/member/pages/checkin/index?id=g1')
    expect(wechatPagePath('checkin', { id: 'g1' })).toBe('packages/member/pages/checkin/index?id=g1')
    expect(pageUrl('inbox')).toBe('/packages/member/pages/inbox/index')
    expect(pageUrl('apply', { scene: 'i_01' })).toBe('/packages/join/pages/apply/index?scene=i_01')
    expect(pageUrl('group', { id: 'a b&c' })).toBe('/pages/group/index?id=a%20b%26c')
  })

  it('puts a subpackage page under its root', () => {
    expect(ROUTES.review).toBe('packages/admin/pages/review/index')
    expect(pageUrl('review', { id: 'g1' })).toBe('/packages/admin/pages/review/index?id=g1')
    expect(wechatPagePath('admissionSettings', { id: 'g1' })).toBe('packages/admin/pages/admission-settings/index?id=g1')
    expect(pageUrl('tasks', { id: 'g1' })).toBe('/packages/admin/pages/tasks/index?id=g1')
  })

  it('the lottery page is where the server’s inbox links and subscribe messages lead', () => {
    expect(ROUTES.lottery).toBe(LOTTERY_PAGE_PATH)
    expect(pageUrl('lottery', { id: 'lot_1' })).toBe('/packages/lottery/pages/lottery/index?id=lot_1')
  })
})
