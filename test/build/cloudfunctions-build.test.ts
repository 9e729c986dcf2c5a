/**
 * The built cloud functions (`npm run build:functions`) are what CloudBase runs: each folder must be
 * self-contained (only wx-server-sdk outside it) and work when loaded on its own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { builtinModules } from 'node:module'
import { FUNCTION_NAMES } from '../../contracts/define'
import * as fakeSdk from '../fakes/wx-server-sdk'
import { DEFAULT_TIMEOUT_SECONDS, FUNCTION_SETTINGS } from '../../cloudbase/function-settings'

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

  it('writes dist/cloudbaserc.json with every function, its timeout and the triggers of its config.json', () => {
    const rcPath = path.join(BUILT, '../cloudbaserc.json')
    expect(fs.existsSync(rcPath)).toBe(true)
    const rc = JSON.parse(fs.readFileSync(rcPath, 'utf8'))
    expect(rc.functionRoot).toBe('./cloudfunctions')
    expect(rc.functions.map((fn: { name: string }) => fn.name).sort()).toEqual([...FUNCTION_NAMES].sort())
    for (const fn of rc.functions) {
      expect(fn.timeout).toBe(FUNCTION_SETTINGS[fn.name as keyof typeof FUNCTION_SETTINGS].timeoutSeconds)
      expect(fn.timeout).toBeGreaterThanOrEqual(1)
      expect(fn.timeout).toBeLessThanOrEqual(60)
      expect(fn.handler).toBe('index.main')
      const config = path.join(SOURCE, fn.name, 'config.json')
      const declared = fs.existsSync(config) ? (JSON.parse(fs.readFileSync(config, 'utf8')).triggers ?? []) : []
      expect(fn.triggers ?? []).toEqual(declared)
    }
    // The long jobs get longer than WeChat's default; the taps keep it, as the bench measures them against it.
    expect(rc.functions.find((fn: { name: string }) => fn.name === 'tally').timeout).toBe(60)
    expect(rc.functions.find((fn: { name: string }) => fn.name === 'checkin').timeout).toBe(DEFAULT_TIMEOUT_SECONDS)
  })
})
