/**
 * Every page of the mini program, by name, with the query it takes: the one place a page path is written.
 * The app's page list (`miniprogram/app.config.ts`), the pages' navigation, the server's inbox links and
 * subscribe-message pages, and the local runtime's printed links all come from here, so moving a page
 * (e.g. into a subpackage) is one edit.
 *
 * @example
 *   pageUrl('checkin', { id: 'g1' })        // '/pages/checkin/index?id=g1'   (Taro.navigateTo, inbox links)
 *   wechatPagePath('apply', { id: 'g1' })   // 'pages/apply/index?id=g1'      (subscribe messages, wxacode)
 *   pageUrl('inbox')                         // '/pages/inbox/index'
 */

/** The pages in app order (the first is the home page) with the query each one reads. */
export const ROUTES = {
  index: 'pages/index/index',
  group: 'pages/group/index',
  apply: 'pages/apply/index',
  review: 'pages/review/index',
  members: 'pages/members/index',
  invite: 'pages/invite/index',
  inbox: 'pages/inbox/index',
  admissionSettings: 'pages/admission-settings/index',
  checkin: 'pages/checkin/index',
  rules: 'pages/rules/index',
  announcements: 'pages/announcements/index',
  tasks: 'pages/tasks/index',
} as const

export type RouteName = keyof typeof ROUTES

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
}

type ParamsArgument<N extends RouteName> = RouteParams[N] extends Record<string, never> ? [] : [params: RouteParams[N]]

/** The page list of app.json, in order. */
export const APP_PAGES: string[] = Object.values(ROUTES)

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
