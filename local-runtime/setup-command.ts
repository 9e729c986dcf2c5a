/**
 * `npm run setup`: the local stand-in for the CloudBase console's 云端测试 of `setup` — runs the setup
 * handler as the `console` caller on the configured store (`DATA_DIR`, default `./data`). The only local way to
 * be the console: the HTTP server never is, so `POST /api/setup` is refused. (`npm start` already ensures the
 * schema when it starts; this command is for a data folder prepared without starting the server.)
 *
 * @example
 *   DATA_DIR=/srv/shequn npm run setup   // 已创建集合 / created: groups, members, …
 */
import path from 'node:path'
import { setupFunction } from '../cloudfunctions/setup/handlers'
import { createSqliteStore } from '../store/sqlite'
import { CONSOLE } from '../usecases/context'

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '..', 'data'))
  const store = createSqliteStore({ filename: path.join(dataDir, 'shequn.db') })
  try {
    const result = await setupFunction({ action: 'ensureCollections', input: {} }, { store, caller: CONSOLE, now: () => new Date() })
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`)
    const { created } = result.data as { created: string[] }
    console.log(`已创建集合 / created: ${created.length ? created.join(', ') : '（无，已是最新）/ none, up to date'}`)
  } finally {
    store.close()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
