/**
 * `npm start`: the local runtime with the demo community.
 *
 * Environment (all optional): HOST (127.0.0.1), PORT (8787), DATA_DIR (./data), DEV_MODE (1; 0 turns off
 * the X-WX-OPENID header and the persona switcher), SEED_DEMO (1), SKIP_H5_BUILD (0).
 */
import path from 'node:path'
import qrcodeTerminal from 'qrcode-terminal'
import { createSqliteStore } from '../store/sqlite'
import { DEMO_GROUP_ID } from './demo/personas'
import { seedDemoCommunity } from './demo/demo-community'
import { ensureH5Build } from './h5-build'
import { startLocalRuntime } from './server'
import { startScheduler } from './scheduler'
import { pageUrl } from '../contracts/routes'

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..')
  const env = process.env
  if (env.SKIP_H5_BUILD !== '1') ensureH5Build(root)

  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, 'data'))
  const store = createSqliteStore({ filename: path.join(dataDir, 'shequn.db') })
  await store.ensureSchema()
  if (env.SEED_DEMO !== '0' && (await seedDemoCommunity(store, new Date()))) {
    console.log('已创建示例社群 / Seeded the demo community')
  }

  const runtime = await startLocalRuntime({
    store,
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT ? Number(env.PORT) : 8787,
    devMode: env.DEV_MODE !== '0',
    staticDir: path.join(root, 'dist/h5'),
    uploadDir: path.join(dataDir, 'uploads'),
    publicUrl: env.PUBLIC_URL || undefined,
  })
  // The functions' timer triggers (config.json), e.g. the admission purge and the check-in reminders.
  const scheduler = startScheduler(store)
  const groupLink = `${runtime.url}${pageUrl('group', { id: DEMO_GROUP_ID })}`
  const applyLink = `${runtime.url}${pageUrl('apply', { id: DEMO_GROUP_ID })}`
  console.log(`\n社群助手本地运行中 / Local runtime: ${runtime.url}`)
  console.log(`示例社群 / Demo group: ${groupLink}`)
  console.log(`入群申请链接（扫码打开）/ Apply link (QR below): ${applyLink}\n`)
  qrcodeTerminal.generate(applyLink, { small: true })

  const stop = async () => {
    scheduler.stop()
    await runtime.close()
    store.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
