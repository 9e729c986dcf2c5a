/**
 * The E2E browser finder (`test/support/browser.ts`): which browser it picks, without launching one.
 * The E2E suites prove that the picked browser runs; `E2E_BROWSER=bundled npm test` runs them on the bundled one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bundledBrowserFiles, findBrowser, INSTALLED_BROWSER_PATHS } from './browser'

describe('the E2E browser finder', () => {
  it('CHROMIUM_PATH wins, and one that does not exist is an error, not a silent fallback', () => {
    expect(findBrowser({ CHROMIUM_PATH: process.execPath })).toEqual({ executablePath: process.execPath, source: 'CHROMIUM_PATH' })
    expect(() => findBrowser({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow('CHROMIUM_PATH=/nowhere/chromium does not exist')
  })

  it('an installed browser comes before the bundled one, unless E2E_BROWSER=bundled', () => {
    const installed = INSTALLED_BROWSER_PATHS.find((candidate) => fs.existsSync(candidate))
    if (installed) expect(findBrowser({})).toEqual({ executablePath: installed, source: 'installed' })
    const bundled = findBrowser({ E2E_BROWSER: 'bundled' })
    if (bundled) expect(bundled.source).toBe('bundled (@sparticuz/chromium)')
  })

  it('the bundled browser counts only once unpacked and checked (its marker), and runs with its own libraries', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-finder-'))
    const files = bundledBrowserFiles(tmp)
    expect(files).toEqual({
      executablePath: path.join(tmp, 'chromium'),
      libDir: path.join(tmp, 'al2023', 'lib'),
      fontsDir: path.join(tmp, 'fonts'),
      marker: path.join(tmp, 'shequn-bundled-chromium.json'),
    })
    try {
      fs.writeFileSync(files.executablePath, '')
      fs.mkdirSync(files.libDir, { recursive: true })
      expect(findBrowser({ E2E_BROWSER: 'bundled' }, tmp)).toBeNull() // no marker yet: maybe half unpacked
      fs.writeFileSync(files.marker, '{}')
      expect(findBrowser({ E2E_BROWSER: 'bundled' }, tmp)).toEqual({
        executablePath: files.executablePath,
        env: { LD_LIBRARY_PATH: expect.stringMatching(new RegExp(`^${files.libDir}`)), FONTCONFIG_PATH: files.fontsDir },
        source: 'bundled (@sparticuz/chromium)',
      })
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})
