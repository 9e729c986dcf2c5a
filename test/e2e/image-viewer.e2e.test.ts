/**
 * The H5 build's full-screen image viewer (components/image-viewer, opened by platform/preview-image.h5.ts), end
 * to end in real headless Chromium on the local runtime (H5 build, real handlers on SQLite): a member taps a
 * photo in today's check-in feed and sees it whole, fitted to the screen, steps to the other photo with the
 * arrow and back with a swipe, and closes it with a tap; an admin taps their invite QR and sees it full screen.
 * Taro's own H5 `previewImage` (and its Swiper bundle) is not in the build: nothing of it is on the page.
 * With SHOTS_DIR set, it also saves 375×812 screenshots. Needs `npm run build:h5` first (npm test does it).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import QRCode from 'qrcode'
import type { Page } from 'playwright-core'
import { checkinId } from '../../domain/checkin'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { click, expectText, visible } from '../support/h5-page'
import { useH5App } from '../support/h5-app'
import { FIXED_NOW } from '../support/fixture'

async function api(url: string, fn: string, action: string, input: unknown, openid: string) {
  const response = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': openid }, body: JSON.stringify({ action, input }) })
  return response.json() as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
}

/** The viewer's image as the browser drew it: its link, whether it loaded, and where it sits on screen. */
async function viewerImage(page: Page) {
  const img = page.locator('#image-viewer img').first()
  await img.waitFor({ state: 'visible', timeout: 15000 })
  await page.waitForFunction(() => {
    const el = document.querySelector('#image-viewer img') as HTMLImageElement | null
    return el !== null && el.complete && el.naturalWidth > 0
  }, undefined, { timeout: 15000 })
  const box = (await img.boundingBox())!
  const natural = await img.evaluate((el) => ({ width: (el as HTMLImageElement).naturalWidth, height: (el as HTMLImageElement).naturalHeight, fit: getComputedStyle(el).objectFit }))
  return { src: (await img.getAttribute('src')) ?? '', box, natural }
}

/** The image fills the screen's width (a square on a tall phone) and is drawn whole ('contain', inside the viewport). */
function expectWholeOnScreen(shown: Awaited<ReturnType<typeof viewerImage>>, viewport: { width: number; height: number }) {
  expect(shown.natural.width).toBeGreaterThan(0)
  expect(['contain', 'scale-down']).toContain(shown.natural.fit)
  expect(shown.box.x).toBeGreaterThanOrEqual(0)
  expect(shown.box.y).toBeGreaterThanOrEqual(0)
  expect(shown.box.x + shown.box.width).toBeLessThanOrEqual(viewport.width + 1)
  expect(shown.box.y + shown.box.height).toBeLessThanOrEqual(viewport.height + 1)
  expect(shown.box.width).toBeGreaterThanOrEqual(viewport.width - 1)
}

describe('the H5 image viewer (Chromium)', () => {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-viewer-'))
  afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }))
  const app = useH5App({ now: () => FIXED_NOW, uploadDir })
  const VIEWPORT = { width: 375, height: 812 }

  async function shot(name: string) {
    const dir = process.env.SHOTS_DIR
    if (!dir) return
    fs.mkdirSync(dir, { recursive: true })
    await app.page.waitForTimeout(300)
    await app.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false })
  }

  beforeAll(async () => {
    await app.page.setViewportSize(VIEWPORT)
  })

  it('opens a feed photo whole, steps to the other photo and back, and closes on a tap', async () => {
    // Two others check in today with a photo each (uploaded as they would, then on their check-in).
    const photos: Record<string, string> = {}
    for (const who of ['admin', 'owner'] as const) {
      const openid = personaOpenid(who)
      const png = await QRCode.toBuffer(`photo of ${who}`, { width: 600, margin: 2 })
      const upload = await fetch(`${app.runtime.url}/api/_upload?groupId=${DEMO_GROUP_ID}`, { method: 'POST', headers: { 'Content-Type': 'image/png', 'X-WX-OPENID': openid }, body: png })
      const photoFileId = ((await upload.json()) as { data: { id: string } }).data.id
      const answer = (await api(app.runtime.url, 'checkin', 'checkIn', { groupId: DEMO_GROUP_ID, note: `${who} 的照片`, linkTask: false }, openid)) as { ok: boolean; data: { checkin: { id: string; day: string } } }
      expect(answer.ok).toBe(true)
      // (The demo's admin may have checked in earlier today: that check-in is the one answered; it gets the photo.)
      await app.store.update('checkins', checkinId(DEMO_GROUP_ID, openid, answer.data.checkin.day), { photoFileId })
      photos[who] = answer.data.checkin.id
    }

    await app.page.goto(`${app.runtime.url}/pages/checkin/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-member')
    const adminPhoto = visible(app.page, `#feed-${photos.admin}-photo img`)
    await adminPhoto.waitFor({ state: 'visible', timeout: 15000 })
    const adminSrc = ((await adminPhoto.getAttribute('src')) ?? '').split('?')[0]
    const ownerSrc = ((await visible(app.page, `#feed-${photos.owner}-photo img`).getAttribute('src')) ?? '').split('?')[0]
    expect(adminSrc).toMatch(/^\/photos\/[a-f0-9]{32}\.png$/)
    expect(ownerSrc).toMatch(/^\/photos\/[a-f0-9]{32}\.png$/)

    await click(app.page, `#feed-${photos.admin}-photo`)
    let shown = await viewerImage(app.page)
    expect(shown.src.split('?')[0]).toBe(adminSrc)
    expectWholeOnScreen(shown, VIEWPORT)
    const count = await app.page.locator('#image-viewer-count').innerText()
    expect(count).toMatch(/^\d+ \/ \d+$/)
    await shot('viewer-feed-photo')

    // The other photo of the feed: the arrow towards it, then a swipe back.
    const [at, total] = count.split(' / ').map(Number)
    expect(total).toBeGreaterThanOrEqual(2)
    const arrow = app.page.locator(at < total ? '#image-viewer-next' : '#image-viewer-prev')
    let steps = 0
    while ((await viewerImage(app.page)).src.split('?')[0] !== ownerSrc && steps < total) {
      await arrow.click()
      steps += 1
    }
    shown = await viewerImage(app.page)
    expect(shown.src.split('?')[0]).toBe(ownerSrc)
    expectWholeOnScreen(shown, VIEWPORT)
    await shot('viewer-feed-photo-next')
    for (let i = 0; i < steps; i += 1) {
      // Back is a swipe to the right after the next arrow, to the left after the previous one.
      const [startX, endX] = at < total ? [80, 300] : [300, 80]
      await app.page.locator('#image-viewer').dispatchEvent('touchstart', { touches: [{ identifier: 1, clientX: startX, clientY: 400 }], changedTouches: [{ identifier: 1, clientX: startX, clientY: 400 }] })
      await app.page.locator('#image-viewer').dispatchEvent('touchend', { touches: [], changedTouches: [{ identifier: 1, clientX: endX, clientY: 402 }] })
    }
    expect((await viewerImage(app.page)).src.split('?')[0]).toBe(adminSrc)

    // A tap anywhere closes it (a moment after the swipe: a click right after one is the swipe's), and the page is as it was.
    await app.page.waitForTimeout(600)
    await app.page.locator('#image-viewer').click({ position: { x: 180, y: 700 } })
    await app.page.locator('#image-viewer').waitFor({ state: 'detached', timeout: 15000 })
    await visible(app.page, `#feed-${photos.admin}-photo`).waitFor({ state: 'visible', timeout: 15000 })
    // Taro's own viewer (a Swiper in `.preview-image`) is not what opened, nor in the build.
    expect(await app.page.locator('.preview-image, taro-swiper-core').count()).toBe(0)
  })

  it('opens the invite QR full screen and closes with ×', async () => {
    await app.page.goto(`${app.runtime.url}/pages/group/index?id=${DEMO_GROUP_ID}`)
    await click(app.page, '#persona-admin')
    await click(app.page, '#entry-invite')
    await expectText(app.page, '#invite-link', '/pages/apply/index?scene=')
    const src = (await visible(app.page, '#invite-image img').getAttribute('src')) ?? ''
    expect(src).toMatch(/^data:image\/png;base64,/)

    await click(app.page, '#invite-image')
    const shown = await viewerImage(app.page)
    expect(shown.src).toBe(src)
    expectWholeOnScreen(shown, VIEWPORT)
    // One image: nothing to step to.
    expect(await app.page.locator('#image-viewer-prev, #image-viewer-next, #image-viewer-count').count()).toBe(0)
    await shot('viewer-invite-qr')
    await app.page.locator('#image-viewer-close').click()
    await app.page.locator('#image-viewer').waitFor({ state: 'detached', timeout: 15000 })
    await visible(app.page, '#invite-image').waitFor({ state: 'visible', timeout: 15000 })
  })
})
