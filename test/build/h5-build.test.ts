/**
 * Checks the H5 build that `npm run build:h5` produced in dist/h5 (this test never builds): the app
 * shell exists and every script and stylesheet it references was emitted.
 */
import fs from 'node:fs'
import path from 'node:path'
import { LOTTERY_DRAW_STRINGS } from '../../i18n/lottery-draw'
import { STRINGS } from '../../i18n/strings'

const H5_DIR = path.resolve(__dirname, '../../dist/h5')

function readIndexHtml(): string {
  const file = path.join(H5_DIR, 'index.html')
  if (!fs.existsSync(file)) {
    throw new Error('dist/h5/index.html is missing: run `npm run build:h5` before the build tests')
  }
  return fs.readFileSync(file, 'utf8')
}

/** Attribute values of `<tag ... attribute="...">` in the page, e.g. every script's src. */
function attributeValues(html: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*\\b${attribute}="([^"]+)"`, 'g')
  return [...html.matchAll(pattern)].map((match) => match[1])
}

/** publicPath is '/', so `/js/app.1234.js` lives at dist/h5/js/app.1234.js. */
function builtFile(url: string): string {
  return path.join(H5_DIR, url.replace(/^\//, ''))
}

describe('H5 build (dist/h5)', () => {
  const html = readIndexHtml()

  it('has the app container', () => {
    expect(html).toContain('<div id="app">')
  })

  it('references its JavaScript, and every referenced script was emitted', () => {
    const scripts = attributeValues(html, 'script', 'src')
    expect(scripts.some((src) => /\/js\/app\.[0-9a-f]+\.js$/.test(src))).toBe(true)
    for (const src of scripts) {
      expect(src.startsWith('/')).toBe(true)
      expect(fs.existsSync(builtFile(src))).toBe(true)
    }
  })

  it('references only stylesheets that were emitted', () => {
    const stylesheets = attributeValues(html, 'link', 'href').filter((href) => href.endsWith('.css'))
    for (const href of stylesheets) {
      expect(fs.existsSync(builtFile(href))).toBe(true)
    }
  })
})

describe('H5 build: the image preview', () => {
  // Taro's H5 `previewImage` shows the images in its Swiper component, which brings the Swiper library
  // (~190 KiB of JS) into the build; photos and QR codes open in our own viewer instead
  // (miniprogram/platform/preview-image.h5.ts → components/image-viewer). A call to Taro.previewImage in page
  // code (instead of platform/preview-image) would bring it back.
  const scripts = fs.readdirSync(path.join(H5_DIR, 'js')).filter((name) => name.endsWith('.js'))
  const holding = (marker: string) => scripts.filter((name) => fs.readFileSync(path.join(H5_DIR, 'js', name), 'utf8').includes(marker))

  it('ships no Swiper (neither the library nor Taro’s swiper element)', () => {
    expect(holding('swiper-wrapper')).toEqual([])
    expect(holding('taro-swiper-core')).toEqual([])
  })

  it('ships the image viewer', () => {
    expect(holding('image-viewer').length).toBeGreaterThan(0)
  })
})

describe('H5 build: the texts table', () => {
  // babel.config.js writes each text where a page asks for it; one `t(key)` it cannot resolve (a key held in a
  // variable) brings back the whole table — every text of every page, ~55 KiB — into the H5 build (and into
  // each weapp subpackage that has it). An entry of the table, minified, reads `"key":{"zh":…`.
  // The one table the app carries on purpose: the draw's own texts (domain/lottery-draw.ts shows its problems
  // from it, on the server and in the lottery page's verification alike).
  it('ships no entry of the texts table, only texts in place (and the draw its own texts)', () => {
    const scripts = fs.readdirSync(path.join(H5_DIR, 'js')).filter((name) => name.endsWith('.js'))
    const entries = Object.keys(STRINGS).filter((key) => !(key in LOTTERY_DRAW_STRINGS)).map((key) => new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*\\{\\s*"?zh"?\\s*:`))
    const found = scripts.flatMap((name) => {
      const content = fs.readFileSync(path.join(H5_DIR, 'js', name), 'utf8')
      const inFile = entries.filter((entry) => entry.test(content)).length
      return inFile > 0 ? [`${name} (${inFile})`] : []
    })
    expect(found).toEqual([])
    // The texts themselves are there (a point label of the participation settings, once read from a table of keys).
    const all = scripts.map((name) => fs.readFileSync(path.join(H5_DIR, 'js', name), 'utf8').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))).join('\n')
    expect(all).toContain(STRINGS['pSettings.invitee'].zh)
  })
})
