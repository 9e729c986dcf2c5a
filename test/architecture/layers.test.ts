/**
 * The layering, checked on the source: domain rules import nothing with I/O or a platform, use cases reach
 * platforms only through their ports, and shared contracts stay free of server and page code. A new import
 * across a layer fails here, naming the file and the import.
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** Which top-level folders each layer may import from (besides itself and npm packages). */
const ALLOWED: Record<string, string[]> = {
  domain: ['i18n'],
  contracts: ['domain', 'i18n'],
  usecases: ['domain', 'contracts', 'store', 'i18n'],
  store: ['domain', 'i18n'],
  i18n: [],
}

/** npm packages a layer may not use: a domain rule does no I/O. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  domain: /^(node:|fs$|http$|better-sqlite3|wx-server-sdk|@tarojs\/)/,
  contracts: /^(node:|fs$|http$|better-sqlite3|wx-server-sdk|@tarojs\/)/,
  usecases: /^(better-sqlite3|wx-server-sdk|@tarojs\/)/,
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1])
}

describe('layers', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only from ${[layer, ...allowed].join(', ')}`, () => {
      const crossings: string[] = []
      for (const file of sourceFiles(path.join(ROOT, layer))) {
        for (const specifier of importsOf(file)) {
          const where = path.relative(ROOT, file)
          if (specifier.startsWith('.')) {
            const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep)[0]
            if (target !== layer && !allowed.includes(target)) crossings.push(`${where} → ${specifier}`)
          } else if (FORBIDDEN_PACKAGES[layer]?.test(specifier)) {
            crossings.push(`${where} → ${specifier}`)
          }
        }
      }
      expect(crossings).toEqual([])
    })
  }

  it('finds the imports it checks (the scan is not vacuous)', () => {
    expect(importsOf(path.join(ROOT, 'usecases/context.ts'))).toContain('../store/port')
  })
})
