/**
 * Bundles each cloud function (every folder under `cloudfunctions/` with an `index.ts`) into a
 * self-contained, deployable folder under `dist/cloudfunctions/<name>/`:
 *   index.js      — the function and the domain core it uses, bundled by esbuild (wx-server-sdk left external)
 *   package.json  — depends on wx-server-sdk only (CloudBase installs it on upload: 「上传并部署：云端安装依赖」)
 *   config.json   — copied when the function has one (timer triggers, openapi permissions)
 * and `dist/cloudbaserc.json`, for deploying the same folders with CloudBase's CLI: every function with its
 * timeout (`cloudbase/function-settings.ts`) and its timer triggers (from its `config.json`).
 *
 * @example
 *   npm run build:functions
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { cloudbaserc, type TimerTrigger } from '../cloudbase/function-settings'
import { FUNCTION_NAMES, type FunctionName } from '../contracts/define'

const root = path.resolve(__dirname, '..')
const sourceRoot = path.join(root, 'cloudfunctions')
const outRoot = path.join(root, 'dist/cloudfunctions')

/** CloudBase's Node runtime this bundle targets (choose Node.js 16 or newer when creating functions). */
export const NODE_TARGET = 'node16'

export function listFunctionFolders(): string[] {
  return fs
    .readdirSync(sourceRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(sourceRoot, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

function sdkVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8'))
  return `~${pkg.version}`
}

async function buildFunction(name: string): Promise<void> {
  const outDir = path.join(outRoot, name)
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [path.join(sourceRoot, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  })
  const manifest = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': sdkVersion() },
  }
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')
  const config = path.join(sourceRoot, name, 'config.json')
  if (fs.existsSync(config)) fs.copyFileSync(config, path.join(outDir, 'config.json'))
}

/** A function's timer triggers, as its `config.json` declares them (none without one). */
function triggersOf(name: FunctionName): TimerTrigger[] {
  const config = path.join(sourceRoot, name, 'config.json')
  if (!fs.existsSync(config)) return []
  const parsed = JSON.parse(fs.readFileSync(config, 'utf8')) as { triggers?: TimerTrigger[] }
  return parsed.triggers ?? []
}

async function main(): Promise<void> {
  const names = listFunctionFolders()
  const undeclared = names.filter((name) => !(FUNCTION_NAMES as readonly string[]).includes(name))
  if (undeclared.length > 0) throw new Error(`cloud functions missing from FUNCTION_NAMES: ${undeclared.join(', ')}`)
  for (const name of names) await buildFunction(name)
  const rc = cloudbaserc(names as FunctionName[], triggersOf)
  fs.writeFileSync(path.join(outRoot, '../cloudbaserc.json'), JSON.stringify(rc, null, 2) + '\n')
  console.log(`built ${names.length} cloud functions into dist/cloudfunctions: ${names.join(', ')}`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
