/**
 * The lottery's draw algorithm and its SHA-256 code ship in the `lottery` subpackage only (the one page that
 * verifies draws), never in the main package every visitor downloads — the group card links to lotteries
 * without importing them. Reads the weapp build `npm run build:weapp` made in dist/weapp.
 */
import fs from 'node:fs'
import path from 'node:path'
import { SUBPACKAGE_ROOTS } from '../../contracts/routes'
import { ENTRANTS_FORMAT_LINE } from '../../domain/lottery-draw'

const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp')
/** The first SHA-256 round constant, as js-sha256 writes it (decimal). */
const SHA256_K0 = '1116352408'

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return scripts(full)
    return full.endsWith('.js') ? [full] : []
  })
}

describe('lottery code in the weapp build', () => {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` first')
  const roots = Object.values(SUBPACKAGE_ROOTS).map((root) => path.join(WEAPP_DIR, root) + path.sep)
  const all = scripts(WEAPP_DIR)
  const main = all.filter((file) => !roots.some((root) => file.startsWith(root)))
  const lottery = all.filter((file) => file.startsWith(path.join(WEAPP_DIR, SUBPACKAGE_ROOTS.lottery) + path.sep))
  const holding = (files: string[], needle: string) => files.filter((file) => fs.readFileSync(file, 'utf8').includes(needle)).map((file) => path.relative(WEAPP_DIR, file))

  it('keeps the algorithm and SHA-256 out of the main package', () => {
    expect(holding(main, ENTRANTS_FORMAT_LINE)).toEqual([])
    expect(holding(main, SHA256_K0)).toEqual([])
  })

  it('builds them into the lottery subpackage, where 验证开奖 runs', () => {
    expect(holding(lottery, ENTRANTS_FORMAT_LINE).length).toBeGreaterThan(0)
    expect(holding(lottery, SHA256_K0).length).toBeGreaterThan(0)
  })
})
