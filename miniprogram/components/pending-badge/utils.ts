/** What the pending badges say, from `getPendingCounts`: pure, so it is tested without a page. See README.md. */
import type { PendingCountsView } from '../../../contracts/admission'
import type { Role } from '../../../domain/group'

export interface PendingRow {
  groupId: string
  name: string
  /** 「3」, or 「99+」 when the server stopped counting. */
  count: string
}

/** Whether a role sees the badge (and the page asks the server at all). */
export function managesGroup(role: Role | null): boolean {
  return role === 'owner' || role === 'admin'
}

/** One row per named group with something waiting, most first, in the order given for ties. */
export function pendingRows(view: PendingCountsView, groups: Array<{ id: string; name: string }>): PendingRow[] {
  const counts = new Map(view.counts.map((c) => [c.groupId, c.pending]))
  return groups
    .filter((g) => (counts.get(g.id) ?? 0) > 0)
    .sort((a, b) => counts.get(b.id)! - counts.get(a.id)!)
    .map((g) => ({ groupId: g.id, name: g.name, count: view.capped ? `${counts.get(g.id)}+` : String(counts.get(g.id)) }))
}
