/**
 * Checks the H5 build that `npm run build:h5` produced in dist/h5 (this test never builds): the app
 * shell exists and every script and stylesheet it references was emitted.
 */
import fs from 'node:fs'
import path from 'node:path'

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
