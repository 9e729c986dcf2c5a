/**
 * Every page of the mini program, by name, with the package it lives in and the query it takes: the one
 * place a page path is written. The app's page list and subpackages (`miniprogram/app.config.ts`), the
 * pages' navigation, the server's inbox links and subscribe-message pages, and the local runtime's printed
 * links all come from here, so moving a page (e.g. into another subpackage) is one edit here plus moving its
 * folder to `miniprogram/<package root>/<path>`.
 *
 * Packages: the main package is what every visitor downloads before the first page shows, so it holds only
 * the first screen: the home page (我的社群) and the group home (the hub). Everything else lives in a
 * subpackage, which WeChat downloads the first time one of its pages opens (a QR code or a message opening a
 * subpackage page directly downloads the main package and that subpackage); modules only a subpackage's pages
 * use are built into it (`mini.optimizeMainPackage`). The group home preloads the subpackages its taps lead
 * to (`SUBPACKAGE_PRELOADS`, app.json's `preloadRule`), so a tap there does not wait on a download.
 * `MOVED_PAGES` keeps the paths pages had before they moved working (old inbox links, sent subscribe
 * messages, printed invite codes): the app redirects them (`app.ts`, WeChat's onPageNotFound), and the inbox
 * opens a stored link through `currentPageUrl`.
 *
 * @example
 *   pageUrl('checkin', { id: 'g1' })        // '/packages/member/pages/checkin/index?id=g1'  (Taro.navigateTo, inbox links)
 *   wechatPagePath('apply', { id: 'g1' })   // 'packages/join/pages/apply/index?id=g1'       (subscribe messages, wxacode)
 *   pageUrl('review', { id: 'g1' })         // '/packages/admin/pages/review/index?id=g1'
 *   pageUrl('group', { id: 'g1' })          // '/pages/group/index?id=g1'                    (the main package)
 */

/** The subpackages by name, with their root folder (under `miniprogram/` and in the build). */
export const SUBPACKAGE_ROOTS = {
  admin: 'packages/admin',
  /** Lotteries (抽奖): members' pages, with the draw verification (the hash code) they alone need. */
  lottery: 'packages/lottery',
  /** Members' participation pages (leaderboard, my progress, my groups' numbers): off the main package. */
  participation: 'packages/participation',
  /** Applying to a group (申请加入, the invite code's page), with the application form and its draft. */
  join: 'packages/join',
  /** A member's pages the group home links to: check-in, rules, announcements, inbox, members, invite. */
  member: 'packages/member',
  /**
   * The admins' dashboard, with the chart library only it draws with (uCharts, about a third of the admin pages'
   * bytes): apart, so the review page an admin opens most does not download it.
   */
  insights: 'packages/insights',
} as const

export type SubpackageName = keyof typeof SUBPACKAGE_ROOTS

/** A page: its path inside its package, and the subpackage it lives in (none: the main package). */
export interface Route {
  readonly path: string
  readonly package?: SubpackageName
}

/** The pages in app order (the first is the home page); see RouteParams for the query each one reads. */
export const ROUTE_TABLE = {
  index: { path: 'pages/index/index' },
  group: { path: 'pages/group/index' },
  apply: { package: 'join', path: 'pages/apply/index' },
  review: { package: 'admin', path: 'pages/review/index' },
  members: { package: 'member', path: 'pages/members/index' },
  invite: { package: 'member', path: 'pages/invite/index' },
  inbox: { package: 'member', path: 'pages/inbox/index' },
  admissionSettings: { package: 'admin', path: 'pages/admission-settings/index' },
  checkin: { package: 'member', path: 'pages/checkin/index' },
  rules: { package: 'member', path: 'pages/rules/index' },
  announcements: { package: 'member', path: 'pages/announcements/index' },
  tasks: { package: 'admin', path: 'pages/tasks/index' },
  joinGuide: { package: 'admin', path: 'pages/join-guide/index' },
  lottery: { package: 'lottery', path: 'pages/lottery/index' },
  lotteries: { package: 'lottery', path: 'pages/list/index' },
  lotteryCreate: { package: 'admin', path: 'pages/lottery-create/index' },
  lotteryManage: { package: 'admin', path: 'pages/lottery-manage/index' },
  dashboard: { package: 'insights', path: 'pages/dashboard/index' },
  exports: { package: 'admin', path: 'pages/exports/index' },
  participationSettings: { package: 'admin', path: 'pages/participation-settings/index' },
  leaderboard: { package: 'participation', path: 'pages/leaderboard/index' },
  progress: { package: 'participation', path: 'pages/progress/index' },
  groupsOverview: { package: 'participation', path: 'pages/groups-overview/index' },
  manageAnnouncements: { package: 'admin', path: 'pages/announcements/index' },
  manageRules: { package: 'admin', path: 'pages/rules/index' },
  groupSettings: { package: 'admin', path: 'pages/group-settings/index' },
} as const satisfies Record<string, Route>

export type RouteName = keyof typeof ROUTE_TABLE

/** What each page's query carries: `id` is a group id; the apply page also opens from an invite `scene`. */
export interface RouteParams {
  index: Record<string, never>
  group: { id: string }
  apply: { id: string } | { scene: string }
  review: { id: string }
  members: { id: string }
  invite: { id: string }
  inbox: Record<string, never>
  admissionSettings: { id: string }
  checkin: { id: string }
  rules: { id: string }
  announcements: { id: string }
  tasks: { id: string }
  joinGuide: { id: string }
  /** `id` is a lottery id. */
  lottery: { id: string }
  /** `id` is a group id; `filter` opens a tab (open | drawn | cancelled). */
  lotteries: { id: string } | { id: string; filter: string }
  /** `id` is a group id. */
  lotteryCreate: { id: string }
  /** `id` is a lottery id. */
  lotteryManage: { id: string }
  dashboard: { id: string }
  exports: { id: string }
  participationSettings: { id: string }
  leaderboard: { id: string }
  progress: { id: string }
  groupsOverview: Record<string, never>
  manageAnnouncements: { id: string }
  manageRules: { id: string }
  groupSettings: { id: string }
}

type ParamsArgument<N extends RouteName> = RouteParams[N] extends Record<string, never> ? [] : [params: RouteParams[N]]

/** A route's full page path: its subpackage root, if any, then its path. */
function fullPath(route: Route): string {
  return route.package ? `${SUBPACKAGE_ROOTS[route.package]}/${route.path}` : route.path
}

const routeEntries = Object.entries(ROUTE_TABLE) as Array<[RouteName, Route]>

/** Every page's full path by name (`ROUTES.review` is 'packages/admin/pages/review/index'). */
export const ROUTES = Object.fromEntries(routeEntries.map(([name, route]) => [name, fullPath(route)])) as Record<RouteName, string>

/** The main package's page list of app.json, in order. */
export const APP_PAGES: string[] = routeEntries.filter(([, route]) => !route.package).map(([, route]) => route.path)

/** The `subPackages` of app.json: each subpackage's root and its pages (relative to the root), in order. */
export const APP_SUBPACKAGES: Array<{ root: string; pages: string[] }> = (Object.keys(SUBPACKAGE_ROOTS) as SubpackageName[]).map((name) => ({
  root: SUBPACKAGE_ROOTS[name],
  pages: routeEntries.filter(([, route]) => route.package === name).map(([, route]) => route.path),
}))

/** A path with a leading `/`, as `Taro.navigateTo` and inbox links take it. */
export function pageUrl<N extends RouteName>(name: N, ...params: ParamsArgument<N>): string {
  return `/${wechatPagePath(name, ...params)}`
}

/** The same path without the leading `/`, as WeChat's subscribe messages and `wxacode.getUnlimited` take it. */
export function wechatPagePath<N extends RouteName>(name: N, ...params: ParamsArgument<N>): string {
  const query = params[0] ? queryString(params[0] as Record<string, string>) : ''
  return query ? `${ROUTES[name]}?${query}` : ROUTES[name]
}

function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
}

/**
 * Subpackages WeChat downloads in the background when a page opens (app.json's `preloadRule`), by page: the
 * group home's taps lead to the member pages and, for a visitor, to 申请加入. On any network: a member on a
 * slow one should not wait on the tap (WeChat allows 2 MB of preloads per page; these are far under).
 */
export const SUBPACKAGE_PRELOADS: Partial<Record<RouteName, SubpackageName[]>> = {
  group: ['member', 'join'],
}

/** app.json's `preloadRule`: each page's full path → the roots of the subpackages it preloads. */
export const APP_PRELOAD_RULE: Record<string, { network: 'all'; packages: string[] }> = Object.fromEntries(
  (Object.entries(SUBPACKAGE_PRELOADS) as Array<[RouteName, SubpackageName[]]>).map(([name, packages]) => [ROUTES[name], { network: 'all', packages: packages.map((sub) => SUBPACKAGE_ROOTS[sub]) }]),
)

/**
 * Where pages used to be, by their old path: they moved from the main package into subpackages, and links
 * already out there carry the old path (inbox messages stored with their link, sent subscribe messages,
 * printed invite codes). Only ever appended to.
 */
export const MOVED_PAGES: Readonly<Record<string, RouteName>> = {
  'pages/apply/index': 'apply',
  'pages/members/index': 'members',
  'pages/invite/index': 'invite',
  'pages/inbox/index': 'inbox',
  'pages/checkin/index': 'checkin',
  'pages/rules/index': 'rules',
  'pages/announcements/index': 'announcements',
  'packages/admin/pages/dashboard/index': 'dashboard',
}

/**
 * The current URL of a link that may carry a moved page's old path (with or without the leading `/`, query
 * kept), or the link itself when its page did not move.
 *
 * @example
 *   currentPageUrl('/pages/checkin/index?id=g1')   // '/packages/member/pages/checkin/index?id=g1'
 *   currentPageUrl('/pages/group/index?id=g1')     // '/pages/group/index?id=g1'
 */
export function currentPageUrl(link: string): string {
  const [pathPart, ...rest] = link.split('?')
  const moved = MOVED_PAGES[pathPart.replace(/^\/+/, '')]
  if (!moved) return link
  return `/${ROUTES[moved]}${rest.length > 0 ? `?${rest.join('?')}` : ''}`
}

/**
 * Where WeChat should go instead of a page it could not find (app `onPageNotFound`: a QR code, a subscribe
 * message or a share opening a moved page's old path), or null when that path never was a page.
 *
 * @example
 *   movedPageRedirect('pages/apply/index', { scene: 'i_01' })   // '/packages/join/pages/apply/index?scene=i_01'
 */
export function movedPageRedirect(path: string, query: Record<string, string> = {}): string | null {
  const moved = MOVED_PAGES[path.replace(/^\/+/, '')]
  if (!moved) return null
  const search = queryString(query)
  return `/${ROUTES[moved]}${search ? `?${search}` : ''}`
}
