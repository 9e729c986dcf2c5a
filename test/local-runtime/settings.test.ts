/** `npm start`'s environment, read strictly: switches by word, ports by number, anything else refused by name. */
import path from 'node:path'
import { parsePort, parseSwitch, readRuntimeSettings, SettingError } from '../../local-runtime/settings'

describe('parseSwitch', () => {
  it.each(['true', 'TRUE', 'yes', 'On', '1', ' on '])('%j is on', (value) => expect(parseSwitch('DEV_MODE', value, false)).toBe(true))
  it.each(['false', 'False', 'no', 'OFF', '0'])('%j is off', (value) => expect(parseSwitch('DEV_MODE', value, true)).toBe(false))
  it.each([undefined, '', '  '])('%j is the default', (value) => {
    expect(parseSwitch('DEV_MODE', value, true)).toBe(true)
    expect(parseSwitch('DEV_MODE', value, false)).toBe(false)
  })
  it.each(['maybe', '2', 'enabled', 'y', 'nope', '01'])('%j is refused with the name and the words', (value) => {
    expect(() => parseSwitch('DEV_MODE', value, true)).toThrow(SettingError)
    expect(() => parseSwitch('DEV_MODE', value, true)).toThrow(`DEV_MODE=${value}: use true/yes/on/1 or false/no/off/0`)
  })
})

describe('parsePort', () => {
  it('takes 0–65535 and defaults when unset', () => {
    expect(parsePort('PORT', '0', 8787)).toBe(0)
    expect(parsePort('PORT', '65535', 8787)).toBe(65535)
    expect(parsePort('PORT', undefined, 8787)).toBe(8787)
  })
  it.each(['65536', '-1', '80a', '8.5', 'http'])('refuses %j', (value) => expect(() => parsePort('PORT', value, 8787)).toThrow(/^PORT=/))
})

describe('readRuntimeSettings', () => {
  it('has the documented defaults', () => {
    expect(readRuntimeSettings({}, '/repo')).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: path.resolve('/repo/data'),
      devMode: true,
      seedDemo: true,
      skipH5Build: false,
      publicUrl: null,
    })
  })
  it('reads every variable', () => {
    expect(readRuntimeSettings({ HOST: '::1', PORT: '0', DATA_DIR: '/tmp/d', DEV_MODE: 'off', SEED_DEMO: 'no', SKIP_H5_BUILD: 'yes', PUBLIC_URL: 'https://a.example' }, '/repo')).toEqual({
      host: '::1',
      port: 0,
      dataDir: '/tmp/d',
      devMode: false,
      seedDemo: false,
      skipH5Build: true,
      publicUrl: 'https://a.example',
    })
  })
  it('refuses a bad switch among others, and a PUBLIC_URL that is not an address', () => {
    expect(() => readRuntimeSettings({ SEED_DEMO: 'sure' })).toThrow('SEED_DEMO=sure')
    expect(() => readRuntimeSettings({ SKIP_H5_BUILD: 'x' })).toThrow('SKIP_H5_BUILD=x')
    expect(() => readRuntimeSettings({ PUBLIC_URL: 'shequn.example.com' })).toThrow('PUBLIC_URL=')
  })
})
