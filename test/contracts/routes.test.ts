/**
 * The routes table is the app's page list: each route has a page source in its package's folder, the app
 * config lists exactly the routes (main package and subpackages), and URLs come out in the two forms
 * WeChat needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import appConfig from '../../miniprogram/app.config'
import { LOTTERY_PAGE_PATH } from '../../contracts/lottery'
import { APP_PAGES, APP_SUBPACKAGES, ROUTES, ROUTE_TABLE, SUBPACKAGE_ROOTS, pageUrl, wechatPagePath } from '../../contracts/routes'

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

  it('the admin-only pages are in the admin subpackage, the rest in the main package', () => {
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
          'pages/dashboard/index',
          'pages/exports/index',
          'pages/participation-settings/index',
          'pages/announcements/index',
          'pages/rules/index',
        ],
      },
      { root: 'packages/lottery', pages: ['pages/lottery/index', 'pages/list/index'] },
      { root: 'packages/participation', pages: ['pages/leaderboard/index', 'pages/progress/index', 'pages/groups-overview/index'] },
    ])
    expect(ROUTE_TABLE.members).not.toHaveProperty('package')
    expect(ROUTE_TABLE.invite).not.toHaveProperty('package')
  })

  it('every page folder under miniprogram/pages and each subpackage root is a route', () => {
    const folders = ['', ...Object.values(SUBPACKAGE_ROOTS)].flatMap(pageFolders)
    expect(folders.sort()).toEqual(Object.values(ROUTES).sort())
  })

  it('builds the leading-slash URL for navigation and the bare path for WeChat, query encoded', () => {
    expect(pageUrl('checkin', { id: 'g1' })).toBe('/pages/checkin/index?id=g1')
    expect(wechatPagePath('checkin', { id: 'g1' })).toBe('pages/checkin/index?id=g1')
    expect(pageUrl('inbox')).toBe('/pages/inbox/index')
    expect(pageUrl('apply', { scene: 'i_01' })).toBe('/pages/apply/index?scene=i_01')
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
