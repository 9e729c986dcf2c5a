/**
 * Checks the WeChat build that `npm run build:weapp` produced in dist/weapp (this test never builds):
 * every page in app.json (main package and subpackages) is emitted, NutUI came in per component, and the
 * main package and each subpackage are under WeChat's 2 MB limit (their sizes are printed). How close the main
 * package is to Taro's own floor is `npm run bench`'s question, not a unit test's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { STRINGS } from '../../i18n/strings'

const REPO_ROOT = path.resolve(__dirname, '../..')
const WEAPP_DIR = path.join(REPO_ROOT, 'dist/weapp')
const SOURCE_DIR = path.join(REPO_ROOT, 'miniprogram')

/** WeChat refuses to upload a main package, or any one subpackage, over 2 MB. */
const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
}

function readAppJson(): AppJson {
  const file = path.join(WEAPP_DIR, 'app.json')
  if (!fs.existsSync(file)) {
    throw new Error('dist/weapp/app.json is missing: run `npm run build:weapp` before the build tests')
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

/** A page gets a .wxss when its source has a stylesheet next to it. */
function pageHasStylesheet(page: string): boolean {
  return ['.scss', '.css'].some((ext) => fs.existsSync(path.join(SOURCE_DIR, page + ext)))
}

function totalBytes(files: string[]): number {
  return files.reduce((sum, file) => sum + fs.statSync(file).size, 0)
}

describe('weapp build (dist/weapp)', () => {
  const appJson = readAppJson()
  const subpackages = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]
  const subpackageRoots = subpackages.map((sub) => path.join(WEAPP_DIR, sub.root))
  /** Every page path of the build, as it sits in dist/weapp: main package pages, then `<root>/<page>`. */
  const allPages = [...appJson.pages, ...subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
  const builtFiles = listFiles(WEAPP_DIR).filter((file) => !file.endsWith('.map'))

  it('has the app entry files', () => {
    for (const file of ['app.js', 'app.json', 'app.wxss']) {
      expect(fs.existsSync(path.join(WEAPP_DIR, file))).toBe(true)
    }
  })

  it('lists the home page first', () => {
    expect(appJson.pages[0]).toBe('pages/index/index')
  })

  it('has subpackages, each with pages', () => {
    expect(subpackages.length).toBeGreaterThan(0)
    for (const sub of subpackages) expect(sub.pages.length).toBeGreaterThan(0)
  })

  it.each(allPages)('emits page %s (js, wxml, json, and wxss when it has styles)', (page) => {
    const missing = ['.js', '.wxml', '.json', ...(pageHasStylesheet(page) ? ['.wxss'] : [])].filter(
      (ext) => !fs.existsSync(path.join(WEAPP_DIR, page + ext)),
    )
    expect(missing).toEqual([])
  })

  it('imports NutUI per component (no unused component is bundled)', () => {
    const bundled = builtFiles
      .filter((file) => /\.(js|wxss)$/.test(file))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
    expect(bundled).toContain('nut-cell')
    for (const unused of ['nut-calendar', 'nut-uploader', 'nut-picker', 'nut-swiper']) {
      expect(bundled).not.toContain(unused)
    }
  })

  it('ships each text in place of its key, without the English beside it (babel.config.js: inlineTexts, dropEnglishTexts)', () => {
    const scripts = builtFiles
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(file, 'utf8').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
      .join('\n')
    // The text itself (here from a key built in the page, `admission.status.${status}`). Whether the whole
    // table came back (a `t(variable)` the build cannot resolve) is a size question: `npm run bench` prints it.
    expect(scripts).toContain(STRINGS['admission.status.pending'].zh)
    expect(scripts).toContain(STRINGS['error.network'].zh)
    const english = Object.values(STRINGS)
      .map((text) => text.en)
      .filter((text) => text.length >= 24)
    expect(english.length).toBeGreaterThan(10)
    expect(english.filter((text) => scripts.includes(text))).toEqual([])
  })

  it('keeps the main package under 2 MB', () => {
    const mainPackageFiles = builtFiles.filter((file) => !subpackageRoots.some((root) => file.startsWith(root + path.sep)))
    const bytes = totalBytes(mainPackageFiles)
    console.log(
      `weapp main package: ${(bytes / 1024).toFixed(1)} KiB in ${mainPackageFiles.length} files ` +
        `(limit ${PACKAGE_LIMIT_BYTES / 1024} KiB)`,
    )
    expect(bytes).toBeLessThan(PACKAGE_LIMIT_BYTES)
  })

  it.each(subpackages.map((sub) => sub.root))('keeps subpackage %s under 2 MB', (root) => {
    const files = builtFiles.filter((file) => file.startsWith(path.join(WEAPP_DIR, root) + path.sep))
    const bytes = totalBytes(files)
    console.log(`weapp subpackage ${root}: ${(bytes / 1024).toFixed(1)} KiB in ${files.length} files`)
    expect(bytes).toBeLessThan(PACKAGE_LIMIT_BYTES)
  })
})
