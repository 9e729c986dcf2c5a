/**
 * `npm start`: the local runtime with the demo community.
 *
 * Environment (all optional, read by `settings.ts`): HOST (127.0.0.1), PORT (8787; 0 picks a free port),
 * DATA_DIR (./data), DEV_MODE (on; off turns off the X-WX-OPENID header and the persona switcher), SEED_DEMO
 * (on), SKIP_H5_BUILD (off), PUBLIC_URL. Switches take true/yes/on/1 or false/no/off/0; anything else stops
 * the start. Once listening it prints `社群助手本地运行中 / Local runtime: <url>` (the bound address, so with
 * PORT=0 the port it got), the demo group, where the data lives and how to switch persona (`banner.ts`).
 *
 * SIGTERM / SIGINT stop it cleanly: no new connections, requests in flight finish (bounded), the scheduler
 * stops and its running job ends, the SQLite store is checkpointed and closed, exit 0. It runs as
 * `node --import tsx` (the tsx CLI would put a second process between npm and the server). npm hands a
 * SIGTERM to the shell that runs the script, and a shell that does not exec (dash) dies without passing it
 * on; so under npm the runtime also stops the same way when its parent process goes.
 *
 * @example
 *   PORT=0 DATA_DIR=/tmp/shequn SKIP_H5_BUILD=1 npm start
 */
import path from 'node:path'
import qrcodeTerminal from 'qrcode-terminal'
import { createSqliteStore } from '../store/sqlite'
import { seedDemoCommunity } from './demo/demo-community'
import { ensureH5Build } from './h5-build'
import { CLOSE_GRACE_MS, startLocalRuntime } from './server'
import { startScheduler } from './scheduler'
import { readRuntimeSettings, SettingError } from './settings'
import { startupBanner } from './banner'

/** Past this, shutdown gives up waiting and exits 1 (the grace period plus time for the store). */
const SHUTDOWN_LIMIT_MS = CLOSE_GRACE_MS + 5000
/** How often the runtime checks that the process that started it is still there. */
const PARENT_CHECK_MS = 500

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..')
  const settings = readRuntimeSettings(process.env, root)
  if (!settings.skipH5Build) ensureH5Build(root)

  const store = createSqliteStore({ filename: path.join(settings.dataDir, 'shequn.db') })
  await store.ensureSchema()
  if (settings.seedDemo && (await seedDemoCommunity(store, new Date()))) {
    console.log('已创建示例社群 / Seeded the demo community')
  }

  const runtime = await startLocalRuntime({
    store,
    host: settings.host,
    port: settings.port,
    devMode: settings.devMode,
    staticDir: path.join(root, 'dist/h5'),
    uploadDir: path.join(settings.dataDir, 'uploads'),
    publicUrl: settings.publicUrl ?? undefined,
  })
  // The functions' timer triggers (config.json), e.g. the admission purge and the check-in reminders.
  const scheduler = startScheduler(store)

  let stopping = false
  const stop = async (reason: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n正在停止（${reason}）… / Stopping (${reason})`)
    setTimeout(() => {
      console.error('停止超时，强制退出 / Shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_LIMIT_MS).unref()
    await runtime.close()
    await scheduler.stop()
    await store.whenIdle()
    store.checkpoint()
    store.close()
    console.log('已停止 / Stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  // Under npm, the parent (npm's shell) is gone when we have been handed to another process: stop as on
  // SIGTERM. Run directly (`node --import tsx …  &`), the runtime may outlive whatever started it.
  if (process.env.npm_lifecycle_event) {
    const parentPid = process.ppid
    setInterval(() => {
      if (process.ppid !== parentPid) void stop('npm exited')
    }, PARENT_CHECK_MS).unref()
  }

  // Where the app is, where the data lives, how to switch persona (local-runtime/banner.ts).
  const banner = startupBanner({ url: runtime.url, dataDir: settings.dataDir, devMode: settings.devMode, seedDemo: settings.seedDemo })
  console.log(banner.lines.join('\n'))
  qrcodeTerminal.generate(banner.applyLink, { small: true })
}

main().catch((error) => {
  console.error(error instanceof SettingError ? `设置有误 / Bad setting: ${error.message}` : error instanceof Error ? error.message : error)
  process.exit(1)
})
