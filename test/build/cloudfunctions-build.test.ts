/**
 * The built cloud functions (`npm run build:functions`) are what CloudBase runs: each folder must be
 * self-contained (only wx-server-sdk outside it) and work when loaded on its own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { builtinModules } from 'node:module'
import { FUNCTION_NAMES } from '../../contracts/define'
import * as fakeSdk from '../fakes/wx-server-sdk'

jest.mock('wx-server-sdk', () => jest.requireActual('../fakes/wx-server-sdk'))

const BUILT = path.resolve(__dirname, '../../dist/cloudfunctions')
const SOURCE = path.resolve(__dirname, '../../cloudfunctions')

function builtFolder(name: string): string {
  const folder = path.join(BUILT, name)
  if (!fs.existsSync(folder)) throw new Error(`${folder} is missing: run \`npm run build:functions\` first`)
  return folder
}

describe('built cloud functions', () => {
  it('builds exactly the declared functions, one folder each', () => {
    const sources = fs.readdirSync(SOURCE).filter((name) => fs.existsSync(path.join(SOURCE, name, 'index.ts')))
    expect(sources.sort()).toEqual([...FUNCTION_NAMES].sort())
    for (const name of FUNCTION_NAMES) builtFolder(name)
  })

  it.each([...FUNCTION_NAMES])('%s is self-contained: index.js needs only wx-server-sdk and Node built-ins', (name) => {
    const folder = builtFolder(name)
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'))
    expect(manifest.main).toBe('index.js')
    expect(Object.keys(manifest.dependencies)).toEqual(['wx-server-sdk'])
    const code = fs.readFileSync(path.join(folder, 'index.js'), 'utf8')
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    const outside = required.filter((id) => id !== 'wx-server-sdk' && !builtinModules.includes(id.replace(/^node:/, '')))
    expect(outside).toEqual([])
    expect(code).not.toMatch(/better-sqlite3/)
    const config = path.join(SOURCE, name, 'config.json')
    expect(fs.existsSync(path.join(folder, 'config.json'))).toBe(fs.existsSync(config))
  })

  it('the built group function answers from the CloudBase store with the platform identity', async () => {
    fakeSdk.setWXContext({})
    const setup = require(path.join(builtFolder('setup'), 'index.js'))
    expect(await setup.main({ action: 'ensureCollections', input: {} })).toMatchObject({ ok: true })
    const group = require(path.join(builtFolder('group'), 'index.js'))
    fakeSdk.setWXContext({ OPENID: 'o_nobody' })
    expect(await group.main({ action: 'listMine', input: {} })).toEqual({ ok: true, data: [] })
    expect(await group.main({ action: 'getProfile', input: { groupId: 'missing' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '这个群不存在或已解散' },
    })
  })
})
