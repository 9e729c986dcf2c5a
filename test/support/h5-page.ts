/**
 * Acting on the H5 app in Chromium the way a person does: on what is visible. Taro's H5 router keeps
 * earlier pages in the DOM (hidden) after navigateTo, so every helper acts on the visible match.
 *
 * @example
 *   await click(page, '#persona-admin')
 *   await expectText(page, '#group-viewer-role', '管理员')
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

export const H5_DIR = path.resolve(__dirname, '../../dist/h5')
const TIMEOUT_MS = 15000

export function requireH5Build(): string {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  return H5_DIR
}

export function visible(page: Page, selector: string) {
  return page.locator(`${selector} >> visible=true`).first()
}

export async function click(page: Page, selector: string): Promise<void> {
  await visible(page, selector).click({ timeout: TIMEOUT_MS })
}

export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await visible(page, `${selector} input, ${selector} textarea`).fill(value, { timeout: TIMEOUT_MS })
}

export async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} >> visible=true`).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS })
}
