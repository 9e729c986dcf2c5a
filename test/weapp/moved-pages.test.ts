/**
 * @jest-environment jsdom
 */
/**
 * Pages that moved from the main package into subpackages, in the built weapp app (dist/weapp): WeChat asked
 * for a page by its old path (an invite code printed before the move, a subscribe message already sent, a
 * share) calls the app's `onPageNotFound`, which redirects to where the page is now, query kept; a path that
 * never was a page is left to WeChat's own "page not found". Needs `npm run build:weapp` first.
 */
import { ROUTES } from '../../contracts/routes'
import { openMissingPage, waitFor } from './simulate-page'

describe('weapp: a moved page opened by its old path', () => {
  const redirected: string[] = []
  beforeAll(() => {
    // Loads the app (its listeners) before `wx.redirectTo` is replaced, as a page load would.
    openMissingPage({ path: 'pages/never-was/index', query: {}, isEntryPage: true })
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    wx.redirectTo = (options: { url: string; success?: (result: object) => void }) => {
      redirected.push(options.url)
      options.success?.({ errMsg: 'redirectTo:ok' })
    }
  })
  beforeEach(() => redirected.splice(0))

  it('redirects an old invite code to the apply page in the join subpackage, scene kept', async () => {
    expect(openMissingPage({ path: 'pages/apply/index', query: { scene: 'i_0123456789' }, isEntryPage: true })).toBe(1)
    await waitFor(() => redirected.length === 1, 5000, () => 'a redirectTo')
    expect(redirected).toEqual([`/${ROUTES.apply}?scene=i_0123456789`])
    expect(ROUTES.apply).toBe('packages/join/pages/apply/index')
  })

  it('redirects an old check-in reminder to the check-in page in the member subpackage', async () => {
    openMissingPage({ path: 'pages/checkin/index', query: { id: 'demo-reading' }, isEntryPage: true })
    await waitFor(() => redirected.length === 1, 5000, () => 'a redirectTo')
    expect(redirected).toEqual(['/packages/member/pages/checkin/index?id=demo-reading'])
  })

  it('leaves a path that never was a page alone', async () => {
    openMissingPage({ path: 'pages/never-was/index', query: {}, isEntryPage: true })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(redirected).toEqual([])
  })
})
