/**
 * `npm run verify-draw -- draw.json` (scripts/verify-draw.ts), spawned as a person runs it on an honest draw,
 * a tampered one and files that are not draws; exit status 0 / 1 / 2 and the checks it prints, in Chinese and English.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canonicalEntrants, type PublishedDraw } from '../../domain/lottery-draw'
import { main } from '../../scripts/verify-draw'
import { readDrawVectors } from '../support/draw-vectors'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

/** The README's first vector (a draw and a redraw) as the server publishes it. */
function publishedVector(): PublishedDraw {
  const { input, expected } = readDrawVectors()[0]
  return {
    version: 1,
    lotteryId: 'lottery-demo',
    commitment: expected.commitment,
    seed: input.seed,
    entrants: canonicalEntrants(input.entrants),
    digest: expected.digest,
    rounds: input.rounds.map((tiers, round) => ({
      round, tiers, winners: tiers.map((tier) => ({ tierId: tier.tierId, entryIds: expected.winners[round][tier.tierId] })),
    })),
  }
}

describe('npm run verify-draw', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-draw-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
    return file
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [TSX, path.join(ROOT, 'scripts', 'verify-draw.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })

  it('an honest draw: every check matches, in Chinese and English, exit 0', () => {
    const draw = publishedVector()
    const result = run(write('good.json', draw))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`✓ 承诺值（种子的 SHA-256） · Commitment (SHA-256 of the seed): 一致 · matches`)
    expect(result.stdout).toContain(`SHA-256(种子 · seed)                  ${draw.commitment}`)
    expect(result.stdout).toContain('✓ 参与名单摘要 · Digest of the entrant list: 一致 · matches')
    expect(result.stdout).toContain('✓ 第 0 轮中奖名单 · Winners of round 0: 一致 · matches')
    expect(result.stdout).toContain('✓ 第 1 轮中奖名单 · Winners of round 1: 一致 · matches')
    expect(result.stdout).toContain('✓ 验证通过：开奖结果由公开的数据算出 · Verified: the result follows from the published data')
  })

  it('a tampered winner: that round does not match, the recomputed winners are shown, exit 1', () => {
    const draw = publishedVector()
    draw.rounds[0].winners[0].entryIds = ['e01']
    const result = run(write('bad-winner.json', draw))
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('✓ 承诺值（种子的 SHA-256） · Commitment (SHA-256 of the seed): 一致 · matches')
    expect(result.stdout).toContain('✗ 第 0 轮中奖名单 · Winners of round 0: 不一致 · does not match')
    expect(result.stdout).toMatch(/重新计算 · recomputed:\n\s+t1: e03\n/)
    expect(result.stdout).toContain('第 0 轮的中奖名单与重新计算的结果不符 · Round 0: the winners differ from the recomputed ones')
    expect(result.stdout).toContain('✗ 验证未通过 · Verification failed')
  })

  it('unreadable input: exit 2 with a reason on stderr', () => {
    const notJson = run(write('not-json.json', '{ "version": 1, '))
    expect(notJson.status).toBe(2)
    expect(notJson.stderr).toContain('无法读取 · Cannot read')
    expect(notJson.stdout).toBe('')
    expect(run(path.join(dir, 'missing.json')).status).toBe(2)
  })

  it('in process: a changed seed, nonce, ticket count or digest each exit 1 naming the check; not a draw or no file exit 2', () => {
    const cases: Array<[string, (d: PublishedDraw) => void, string]> = [
      ['seed', (d) => (d.seed = 'ff' + (d.seed as string).slice(2)), '✗ 承诺值（种子的 SHA-256）'],
      ['nonce', (d) => (d.entrants[2].nonce = 'a'.repeat(32)), '✗ 参与名单摘要'],
      ['tickets', (d) => (d.entrants[0].tickets = 2), '✗ 参与名单摘要'],
      ['digest', (d) => (d.digest = 'b'.repeat(64)), '参与名单的摘要与公开的摘要不符 · The entrant list does not hash to the published digest'],
      ['commitment', (d) => (d.commitment = 'c'.repeat(64)), '承诺值与公开的种子不符 · The commitment does not match the seed'],
    ]
    for (const [name, change, expected] of cases) {
      const draw = publishedVector()
      change(draw)
      const out: string[] = []
      expect(main([write(`${name}.json`, draw)], (line) => out.push(line), () => undefined)).toBe(1)
      expect(out.join('\n')).toContain(expected)
    }
    const err: string[] = []
    expect(main([write('array.json', [1, 2])], () => undefined, (line) => err.push(line))).toBe(2)
    expect(err.join('\n')).toContain('开奖数据格式不正确，无法验证 · The draw data is malformed')
    expect(main([], () => undefined, () => undefined)).toBe(2)
    expect(main([write('ok.json', publishedVector())], () => undefined, () => undefined)).toBe(0)
  })
})
