/**
 * Store: the SQLite adapter's `get` by id against a bare better-sqlite3 prepared statement doing the same
 * work — one `SELECT doc … WHERE _id = ?` on an in-memory database and a `JSON.parse` of the document,
 * awaited one after the other. What the ratio shows is the adapter's own cost (its queue, checks, copies).
 * Median of 3 runs of `STORE_GETS` gets each. Target ≤ 5×.
 *
 * (Today's other store figure, a join transaction against two bare statements, is gone: the bare side wrote a
 * smaller document and maintained no index, so the baseline did not do the same work.)
 */
import Database from 'better-sqlite3'
import { demoGroup } from '../local-runtime/demo/demo-community'
import { createSqliteStore } from '../store/sqlite'
import { atMost, elapsedMs, figure, median, type Figure } from './report'

export const STORE_GETS = 5000
export const STORE_GET_TARGET = 5

async function time(iterations: number, run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) await run()
  return elapsedMs(start)
}

export async function benchStore(): Promise<Figure[]> {
  const store = createSqliteStore({ filename: ':memory:' })
  await store.ensureSchema()
  const group = demoGroup(new Date())
  await store.create('groups', group)
  const raw = new Database(':memory:')
  raw.exec('CREATE TABLE groups (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
  raw.prepare('INSERT INTO groups VALUES (?, ?)').run(group._id, JSON.stringify(group))
  const rawGet = raw.prepare('SELECT doc FROM groups WHERE _id = ?')
  try {
    const bare: number[] = []
    const adapter: number[] = []
    for (let repeat = 0; repeat < 3; repeat++) {
      bare.push(await time(STORE_GETS, () => JSON.parse((rawGet.get(group._id) as { doc: string }).doc)))
      adapter.push(await time(STORE_GETS, () => store.get('groups', group._id)))
    }
    const a = median(adapter)
    const b = median(bare)
    return [figure('store', 'store.get vs bare better-sqlite3', a / b, '×', atMost(STORE_GET_TARGET), `${a.toFixed(1)} ms vs ${b.toFixed(1)} ms for ${STORE_GETS} gets, median of 3`)]
  } finally {
    store.close()
    raw.close()
  }
}
