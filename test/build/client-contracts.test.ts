/**
 * The app's bundles carry a contract's function and action names, never its schema: babel.config.js's
 * contracts-without-schemas plugin drops the schema argument of `defineAction` and wraps each computed
 * top-level value of `contracts/*.ts` in a call marked pure, so webpack leaves out what no page reads. Here:
 * every contract file compiled with the app's Babel config (as Taro compiles it) keeps no schema argument,
 * no top-level valibot call, and nothing computed at the top level that is not marked pure. The server and
 * these tests (ts-jest) keep the schemas.
 */
import fs from 'node:fs'
import path from 'node:path'
import { transformFileSync } from '@babel/core'

const REPO_ROOT = path.resolve(__dirname, '../..')
const CONTRACTS = path.join(REPO_ROOT, 'contracts')

function compileForApp(file: string): string {
  const previous = { taro: process.env.TARO_ENV, node: process.env.NODE_ENV }
  Object.assign(process.env, { TARO_ENV: 'weapp', NODE_ENV: 'production' })
  try {
    return (
      transformFileSync(file, {
        cwd: REPO_ROOT,
        root: REPO_ROOT,
        configFile: path.join(REPO_ROOT, 'babel.config.js'),
        babelrc: false,
        caller: { name: 'babel-loader', supportsStaticESM: true, supportsDynamicImport: true },
      })?.code ?? ''
    )
  } finally {
    for (const [key, value] of [['TARO_ENV', previous.taro], ['NODE_ENV', previous.node]] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

describe('contracts as the app compiles them', () => {
  const files = fs.readdirSync(CONTRACTS).filter((name) => name.endsWith('.ts'))

  it.each(files)('%s: defineAction keeps only the function and action names', (name) => {
    const source = fs.readFileSync(path.join(CONTRACTS, name), 'utf8')
    const compiledCode = compileForApp(path.join(CONTRACTS, name))
    const declarations = source.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n')
    const declared = (declarations.match(/defineAction<[^>]*>\(\)\(/g) ?? []).length
    const compiled = [...compiledCode.matchAll(/defineAction\(\)\(([^()]*)\)/g)]
    expect(compiled).toHaveLength(declared)
    for (const [, args] of compiled) expect(args.split(',')).toHaveLength(2)
  })

  it.each(files)('%s: no valibot call runs at the top level', (name) => {
    const code = compileForApp(path.join(CONTRACTS, name))
    // Top-level statements start at column 0; a computed const must be a pure-marked call.
    for (const line of code.split('\n')) {
      expect(line).not.toMatch(/^v\./)
      const computed = line.match(/^(?:export )?(?:var|const|let) \w+ = (.*)$/)
      if (computed && /\(/.test(computed[1]) && !/^(function\b|\/[^*])/.test(computed[1])) expect(computed[1]).toMatch(/^\/\*#__PURE__\*\//)
    }
  })

  it('the plugin sees the contracts folder only (a page keeps its own calls)', () => {
    const code = compileForApp(path.join(REPO_ROOT, 'miniprogram/api/client.ts'))
    expect(code).not.toContain('#__PURE__*/function')
  })
})
