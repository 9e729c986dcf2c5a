/**
 * `npm test` runs this before jest: make sure the E2E tests have a Chromium, without downloading one from the
 * internet at large — an installed one, else the one bundled in the @sparticuz/chromium devDependency, else
 * Debian's package (as root). It prints which, and what it did. The logic is `test/support/browser.ts`.
 *
 * @example
 *   npx tsx scripts/ensure-browser.ts                       # E2E browser: /usr/bin/chromium (installed)
 *   E2E_BROWSER=bundled npx tsx scripts/ensure-browser.ts   # ignore installed browsers, use the bundled one
 */
import { ensureBrowser } from '../test/support/browser'

ensureBrowser().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
