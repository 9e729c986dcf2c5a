/**
 * The weapp main package (every visitor's download before the first page shows) holds the first screen only:
 * the home page and the group home, with no NutUI (its scripts or its styles) and no valibot — both stay in the
 * subpackages whose pages use them. Reads the weapp build `npm run build:weapp` made in dist/weapp; how big the
 * main package is against Taro's floor is `npm run bench`'s question.
 */
import fs from 'node:fs'
import path from 'node:path'
import { APP_PAGES, SUBPACKAGE_ROOTS } from '../../contracts/routes'

const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp')

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

describe('the weapp main package', () => {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` first')
  const roots = Object.values(SUBPACKAGE_ROOTS).map((root) => path.join(WEAPP_DIR, root) + path.sep)
  const all = files(WEAPP_DIR)
  const main = all.filter((file) => !roots.some((root) => file.startsWith(root)))
  const holding = (list: string[], ext: string, needle: string) =>
    list.filter((file) => file.endsWith(ext) && fs.readFileSync(file, 'utf8').includes(needle)).map((file) => path.relative(WEAPP_DIR, file))

  it('lists the home page and the group home only', () => {
    expect((JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as { pages: string[] }).pages).toEqual(APP_PAGES)
    expect(APP_PAGES).toEqual(['pages/index/index', 'pages/group/index'])
  })

  it('ships no NutUI: no component script, no stylesheet', () => {
    expect(holding(main, '.js', '"nut-')).toEqual([])
    expect(holding(main, '.wxss', '.nut-')).toEqual([])
  })

  it('ships no valibot', () => {
    expect(holding(main, '.js', 'abortPipeEarly')).toEqual([])
  })

  it('while the subpackages that use them have them (the markers are real)', () => {
    const member = all.filter((file) => file.startsWith(path.join(WEAPP_DIR, SUBPACKAGE_ROOTS.member) + path.sep))
    const join = all.filter((file) => file.startsWith(path.join(WEAPP_DIR, SUBPACKAGE_ROOTS.join) + path.sep))
    expect(holding(member, '.js', '"nut-').length).toBeGreaterThan(0)
    expect(holding(member, '.wxss', '.nut-').length).toBeGreaterThan(0)
    expect(holding(join, '.js', 'abortPipeEarly').length).toBeGreaterThan(0)
  })
})
