/**
 * `npm run bench`: speed and size targets as ratios against a baseline measured in the same run,
 * so the numbers mean the same on any machine.
 *
 * - store.get:    the SQLite adapter's get by id vs a bare better-sqlite3 prepared statement (target ≤ 5×)
 * - store.create: a transaction creating one membership and bumping the group counter vs the same two
 *                 statements in a bare better-sqlite3 transaction (target ≤ 5×)
 * - weapp size:   our main package vs Taro's own floor, a one-page Taro app built with the same config
 *                 (target ≤ 3×; WeChat's hard limit is 2 MB)
 *
 * Exits non-zero when a target is missed. `BENCH_SKIP_SIZE=1` skips the size check (it builds twice).
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { memberId } from '../domain/group'
import { demoGroup } from '../local-runtime/demo/demo-community'
import { createSqliteStore } from '../store/sqlite'
import { memberKey } from '../usecases/member-keys'

const ROOT = path.resolve(__dirname, '..')
const results: Array<{ name: string; ratio: number; target: number; detail: string }> = []

async function time(iterations: number, run: (i: number) => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) await run(i)
  return Number(process.hrtime.bigint() - start) / 1e6
}

async function benchStore(): Promise<void> {
  const N = 5000
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  const group = demoGroup(new Date())
  await store.create('groups', group)

  const raw = new Database(':memory:')
  raw.exec('CREATE TABLE groups (_id TEXT PRIMARY KEY, doc TEXT NOT NULL); CREATE TABLE members (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  raw.prepare('INSERT INTO groups VALUES (?, ?)').run(group._id, JSON.stringify(group))
  const rawGet = raw.prepare('SELECT doc FROM groups WHERE _id = ?')
  const rawInsert = raw.prepare('INSERT INTO members VALUES (?, ?)')
  const rawUpdate = raw.prepare('UPDATE groups SET doc = ? WHERE _id = ?')

  const baseGet = await time(N, () => JSON.parse((rawGet.get(group._id) as { doc: string }).doc))
  const adapterGet = await time(N, () => store.get('groups', group._id))
  results.push({ name: 'store.get', ratio: adapterGet / baseGet, target: 5, detail: `${adapterGet.toFixed(1)} ms vs ${baseGet.toFixed(1)} ms for ${N}` })

  const rawJoin = raw.transaction((i: number) => {
    const doc = JSON.parse((rawGet.get(group._id) as { doc: string }).doc)
    rawInsert.run(memberId(group._id, `raw${i}`), JSON.stringify({ i }))
    rawUpdate.run(JSON.stringify({ ...doc, memberCount: doc.memberCount + 1 }), group._id)
  })
  const baseJoin = await time(N, (i) => rawJoin(i))
  const adapterJoin = await time(N, (i) =>
    store.transaction(async (tx) => {
      const current = await tx.get('groups', group._id)
      await tx.create('members', {
        _id: memberId(group._id, `o${i}`),
        groupId: group._id,
        openid: `o${i}`,
        memberKey: memberKey(group._id, `o${i}`),
        role: 'member',
        intro: { name: '测', region: '郑州', occupation: '测试' },
        joinedAt: new Date().toISOString(),
      })
      await tx.update('groups', group._id, { memberCount: (current?.memberCount ?? 0) + 1 })
    }),
  )
  results.push({ name: 'store.transaction(join)', ratio: adapterJoin / baseJoin, target: 5, detail: `${adapterJoin.toFixed(1)} ms vs ${baseJoin.toFixed(1)} ms for ${N}` })
  store.close()
  raw.close()
}

function dirSize(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name)
    return sum + (entry.isDirectory() ? dirSize(full) : fs.statSync(full).size)
  }, 0)
}

function benchWeappSize(): void {
  const floorSrc = path.join(ROOT, 'bench/taro-floor')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-floor-'))
  // Build the floor app with our own config, from a copy of the repo's build files and the floor's source.
  for (const file of ['config', 'babel.config.js', 'package.json', 'tsconfig.json', 'project.config.json']) {
    fs.cpSync(path.join(ROOT, file), path.join(work, file), { recursive: true })
  }
  fs.cpSync(floorSrc, path.join(work, 'miniprogram'), { recursive: true })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'))
  const floorBuild = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: work, stdio: 'inherit' })
  if (floorBuild.status !== 0) throw new Error('floor build failed')
  const ours = path.join(ROOT, 'dist/weapp')
  if (!fs.existsSync(ours)) spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' })
  const floor = dirSize(path.join(work, 'dist/weapp'))
  const size = dirSize(ours)
  results.push({ name: 'weapp main package', ratio: size / floor, target: 3, detail: `${(size / 1024).toFixed(0)} KiB vs floor ${(floor / 1024).toFixed(0)} KiB` })
}

async function main(): Promise<void> {
  await benchStore()
  if (process.env.BENCH_SKIP_SIZE !== '1') benchWeappSize()
  let failed = false
  for (const r of results) {
    const ok = r.ratio <= r.target
    failed ||= !ok
    console.log(`${ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(26)} ${r.ratio.toFixed(2)}× (target ≤ ${r.target}×)  ${r.detail}`)
  }
  process.exit(failed ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
