/**
 * The CloudBase storage security rules shipped in `cloudbase/storage.rules.json` (applied in the console,
 * README step 8): no client reads at all (members see photos only through the temp links the functions
 * issue after checking membership), and a client writes only files it owns (its own uploads; the server
 * SDK is not bound by the rules).
 */
import fs from 'node:fs'
import path from 'node:path'

describe('cloud storage security rules', () => {
  it('deny every client read and allow a client to write only its own files', () => {
    const rules = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../cloudbase/storage.rules.json'), 'utf8'))
    expect(rules).toEqual({ read: false, write: 'resource.openid == auth.openid' })
  })

  it('are what the README tells the operator to apply', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8')
    expect(readme).toContain('cloudbase/storage.rules.json')
  })
})
