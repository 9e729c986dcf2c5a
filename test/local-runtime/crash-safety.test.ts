/**
 * Crash safety of the local runtime: `node --import tsx local-runtime/main.ts` on a fresh DATA_DIR takes a
 * bounded burst of writes from 200 distinct callers (apply → the admin approves → the new member checks in,
 * 16 at a time, loopback only), is SIGKILLed halfway, and restarts on the same folder. Every write that was
 * acknowledged (`ok: true` received before the kill) is there, the counters equal a recount, and SQLite's
 * integrity check passes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { applicationId } from '../../domain/admission'
import { checkinId } from '../../domain/checkin'
import { memberId } from '../../domain/group'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { startRuntimeProcess, within, type RuntimeProcess } from '../support/runtime-process'

const CALLERS = 200
const CONCURRENCY = 16
/** Acknowledged writes after which the runtime is killed: about half of the 600 the burst could make. */
const KILL_AFTER_ACKS = 280

const applyInput = (n: number) => ({
  groupId: DEMO_GROUP_ID,
  rulesVersion: 1,
  acceptRules: true,
  intro: { name: `压测${n}`, region: '郑州', occupation: '测试员', about: '' },
  answers: { source: '其他', reading: '《活着》' },
})

async function call(url: string, fn: string, openid: string, action: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const response = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': openid },
    body: JSON.stringify({ action, input }),
  })
  return (await response.json()) as { ok: boolean }
}

describe('the local runtime killed mid-load', () => {
  let dataDir: string
  let first: RuntimeProcess | undefined
  let second: RuntimeProcess | undefined

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequn-crash-'))
  })
  afterAll(() => {
    first?.signalGroup('SIGKILL')
    second?.signalGroup('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write, exact counters and an intact database', async () => {
    first = await startRuntimeProcess({ via: 'node', dataDir })
    const url = first.url
    const admin = personaOpenid('admin')
    const acked = { submitted: new Set<string>(), approved: new Set<string>(), checkedIn: new Map<string, string>() }
    const unexpected: string[] = []
    let acks = 0
    let killed = false
    const ack = () => {
      acks += 1
      if (acks >= KILL_AFTER_ACKS && !killed) {
        killed = true
        first!.child.kill('SIGKILL')
      }
    }

    let next = 1
    const worker = async () => {
      while (next <= CALLERS && !killed) {
        const n = next++
        const openid = `o_load_${String(n).padStart(3, '0')}`
        try {
          const submitted = await call(url, 'admission', openid, 'submit', applyInput(n))
          if (!submitted.ok) return void unexpected.push(`submit ${openid}: ${JSON.stringify(submitted)}`)
          acked.submitted.add(openid)
          ack()
          const approved = await call(url, 'admission', admin, 'decide', { groupId: DEMO_GROUP_ID, applicationId: applicationId(DEMO_GROUP_ID, openid), decision: 'approve' })
          if (!approved.ok) return void unexpected.push(`approve ${openid}: ${JSON.stringify(approved)}`)
          acked.approved.add(openid)
          ack()
          const checked = await call(url, 'checkin', openid, 'checkIn', { groupId: DEMO_GROUP_ID, note: `第${n}次` })
          if (!checked.ok) return void unexpected.push(`checkIn ${openid}: ${JSON.stringify(checked)}`)
          acked.checkedIn.set(openid, (checked.data as { checkin: { day: string } }).checkin.day)
          ack()
        } catch {
          // The connection died with the runtime: this write was not acknowledged.
          return
        }
      }
    }
    await within(15000, 'the burst', Promise.all(Array.from({ length: CONCURRENCY }, worker)))
    expect(unexpected).toEqual([])
    expect(killed).toBe(true)
    expect(await within(5000, 'the kill', first.exited)).toEqual({ code: null, signal: 'SIGKILL' })
    expect(acked.checkedIn.size).toBeGreaterThan(0)
    expect(acked.submitted.size).toBeLessThan(CALLERS)

    // Restart on the same folder: it recovers the WAL, and the API sees the acknowledged writes.
    second = await startRuntimeProcess({ via: 'node', dataDir })
    const lastApproved = [...acked.approved].at(-1)!
    expect(await call(second.url, 'group', lastApproved, 'getProfile', { groupId: DEMO_GROUP_ID })).toMatchObject({ ok: true, data: { viewerRole: 'member' } })
    second.child.kill('SIGTERM')
    expect(await within(8000, 'the clean stop', second.exited)).toEqual({ code: 0, signal: null })

    const db = new Database(path.join(dataDir, 'shequn.db'), { readonly: true })
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
      const doc = (table: string, id: string) => {
        const row = db.prepare(`SELECT doc FROM "${table}" WHERE _id = ?`).get(id) as { doc: string } | undefined
        return row ? JSON.parse(row.doc) : null
      }
      for (const openid of acked.submitted) expect([openid, doc('applications', applicationId(DEMO_GROUP_ID, openid))?.openid]).toEqual([openid, openid])
      for (const openid of acked.approved) {
        expect([openid, doc('applications', applicationId(DEMO_GROUP_ID, openid))?.status]).toEqual([openid, 'approved'])
        expect([openid, doc('members', memberId(DEMO_GROUP_ID, openid))?.role]).toEqual([openid, 'member'])
      }
      for (const [openid, day] of acked.checkedIn) {
        expect([openid, doc('checkins', checkinId(DEMO_GROUP_ID, openid, day))?.openid]).toEqual([openid, openid])
      }

      // Counters against a recount.
      const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n
      const group = doc('groups', DEMO_GROUP_ID)
      expect(group.memberCount).toBe(count(`SELECT COUNT(*) AS n FROM members WHERE json_extract(doc, '$.groupId') = ?`, DEMO_GROUP_ID))
      // A membership exists exactly when its application was approved (one transaction writes both).
      const loadMembers = count(`SELECT COUNT(*) AS n FROM members WHERE json_extract(doc, '$.openid') LIKE 'o_load_%'`)
      const loadApproved = count(`SELECT COUNT(*) AS n FROM applications WHERE json_extract(doc, '$.openid') LIKE 'o_load_%' AND json_extract(doc, '$.status') = 'approved'`)
      expect(loadMembers).toBe(loadApproved)
      expect(loadMembers).toBeGreaterThanOrEqual(acked.approved.size)
      // Each member's check-in counters equal their check-ins.
      // (They live on the membership: `checkin`.)
      const stats = db.prepare(`SELECT doc FROM members WHERE json_extract(doc, '$.openid') LIKE 'o_load_%' AND json_extract(doc, '$.checkin') IS NOT NULL`).all() as Array<{ doc: string }>
      expect(stats.length).toBeGreaterThanOrEqual(acked.checkedIn.size)
      for (const { doc: text } of stats) {
        const member = JSON.parse(text) as { openid: string; checkin: { totalDays: number } }
        const stat = { openid: member.openid, totalDays: member.checkin.totalDays }
        expect([stat.openid, stat.totalDays]).toEqual([stat.openid, count(`SELECT COUNT(*) AS n FROM checkins WHERE json_extract(doc, '$.openid') = ?`, stat.openid)])
      }
    } finally {
      db.close()
    }
  }, 40000)
})
