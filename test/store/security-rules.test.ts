/**
 * The CloudBase database security rules shipped in `cloudbase/database.rules.json` (applied per collection in
 * the console, README deploy step 8): every collection the schema declares has one, and it shuts mini program
 * clients out entirely (`read` and `write` false), because every read and write goes through the cloud
 * functions, which security rules do not restrict.
 */
import fs from 'node:fs'
import path from 'node:path'
import { COLLECTION_NAMES } from '../../store/schema'

const RULES_FILE = path.resolve(__dirname, '../../cloudbase/database.rules.json')
const rules = JSON.parse(fs.readFileSync(RULES_FILE, 'utf8')) as Record<string, unknown>

describe('CloudBase database security rules', () => {
  it('name exactly the collections in store/schema.ts', () => {
    expect(Object.keys(rules).sort()).toEqual([...COLLECTION_NAMES].sort())
  })

  it.each(COLLECTION_NAMES.map((name) => [name]))('%s: no direct client access, reads or writes', (name) => {
    expect(rules[name]).toStrictEqual({ read: false, write: false })
  })

  it('grant nothing anywhere: no rule value is true or an expression', () => {
    const values = Object.values(rules).flatMap((rule) => Object.values(rule as Record<string, unknown>))
    expect(values.every((value) => value === false)).toBe(true)
  })
})
