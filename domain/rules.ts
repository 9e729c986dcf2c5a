/**
 * Versioned group rules (群规): every published version is kept in `ruleVersions` under
 * `<groupId>:v<N>`, the group document embeds the current one, and each member's acknowledgement is
 * `ruleAcks/<groupId>:<openid>`. Members see what changed since the version they last acknowledged, as
 * a clause-level diff: clauses kept as they were are matched by a longest common subsequence; between two
 * matched clauses, removed and added clauses at the same position are paired as "changed", the rest are
 * "added" or "removed".
 *
 * @example
 *   ruleVersionId('g1', 3)  // 'g1:v3'
 *   diffClauses(['不发广告', '周日休息'], ['不发广告', '周六休息', '打卡写感悟'])
 *   // [{ kind: 'changed', before: '周日休息', after: '周六休息' }, { kind: 'added', after: '打卡写感悟' }]
 */
import type { RulesVersion } from './group'

export interface RuleVersionDoc extends RulesVersion {
  _id: string
  groupId: string
  /** Who published it; null for the first version made with the group. */
  publishedBy: string | null
  /** The client request that published it (a retry answers this version instead of refusing "unchanged"). */
  requestId?: string | null
}

export interface RulesAckDoc {
  _id: string
  groupId: string
  openid: string
  version: number
  acknowledgedAt: string
}

export type ClauseChange =
  | { kind: 'added'; after: string }
  | { kind: 'removed'; before: string }
  | { kind: 'changed'; before: string; after: string }

export function ruleVersionId(groupId: string, version: number): string {
  return `${groupId}:v${version}`
}

export function rulesAckId(groupId: string, openid: string): string {
  return `${groupId}:${openid}`
}

/** Clause-level changes from `before` to `after`, in the order of the new rules. */
export function diffClauses(before: string[], after: string[]): ClauseChange[] {
  const n = before.length
  const m = after.length
  // lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const changes: ClauseChange[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    const paired = Math.min(removed.length, added.length)
    for (let k = 0; k < paired; k++) changes.push({ kind: 'changed', before: removed[k], after: added[k] })
    for (const clause of removed.slice(paired)) changes.push({ kind: 'removed', before: clause })
    for (const clause of added.slice(paired)) changes.push({ kind: 'added', after: clause })
    removed = []
    added = []
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush()
      i++
      j++
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(after[j++])
    } else {
      removed.push(before[i++])
    }
  }
  flush()
  return changes
}

/** Clauses as an admin typed them: trimmed, blank ones dropped. */
export function normaliseClauses(clauses: string[]): string[] {
  return clauses.map((clause) => clause.trim()).filter((clause) => clause.length > 0)
}
