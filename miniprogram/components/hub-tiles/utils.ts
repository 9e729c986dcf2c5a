/**
 * The group home's large entries, by the viewer's role: one list from the admission, daily-loop and
 * participation entries (their `utils.ts` decide who sees what and where each leads), split into what
 * every member uses (常用) and the admin pages (管理), each with a glyph, a tone and its badge. Pure
 * (utils.test.ts).
 *
 * A new admin page adds its entry in one of those `utils.ts` (or a row in `EXTRA_MANAGE` below) and one
 * row in `TILE_LOOKS`.
 *
 * @example
 *   hubTiles('g1', 'member', null).daily.map((t) => t.key)  // ['checkin', 'announcements', 'rules', 'leaderboard', 'progress', 'members', 'invite', 'inbox']
 */
import type { BoardBadges } from '../../../contracts/board'
import type { Role } from '../../../domain/group'
import { admissionEntries } from '../admission-entries/utils'
import { dailyEntries, entryBadge } from '../daily-entries/utils'
import { participationEntries } from '../participation-entries/utils'

export type Tone = 'green' | 'blue' | 'orange' | 'purple' | 'teal' | 'grey'

export interface HubTile {
  key: string
  label: string
  url: string
  glyph: string
  tone: Tone
  badge: { count: string } | { dot: true } | null
}

/** Each entry's glyph (one character on a tinted square) and tone, and where it goes: the 常用 grid or 管理. */
export const TILE_LOOKS: Record<string, { glyph: string; tone: Tone; section: 'daily' | 'manage'; order: number }> = {
  checkin: { glyph: '卡', tone: 'green', section: 'daily', order: 1 },
  announcements: { glyph: '告', tone: 'orange', section: 'daily', order: 2 },
  rules: { glyph: '规', tone: 'blue', section: 'daily', order: 3 },
  leaderboard: { glyph: '榜', tone: 'purple', section: 'daily', order: 4 },
  progress: { glyph: '进', tone: 'teal', section: 'daily', order: 5 },
  members: { glyph: '员', tone: 'blue', section: 'daily', order: 6 },
  invite: { glyph: '邀', tone: 'green', section: 'daily', order: 7 },
  inbox: { glyph: '信', tone: 'grey', section: 'daily', order: 8 },
  review: { glyph: '审', tone: 'orange', section: 'manage', order: 1 },
  tasks: { glyph: '任', tone: 'green', section: 'manage', order: 2 },
  manageAnnouncements: { glyph: '发', tone: 'orange', section: 'manage', order: 3 },
  manageRules: { glyph: '编', tone: 'blue', section: 'manage', order: 4 },
  dashboard: { glyph: '数', tone: 'purple', section: 'manage', order: 5 },
  settings: { glyph: '设', tone: 'grey', section: 'manage', order: 6 },
  joinGuide: { glyph: '入', tone: 'teal', section: 'manage', order: 7 },
  groupSettings: { glyph: '群', tone: 'grey', section: 'manage', order: 8 },
}

const FALLBACK_LOOK = { glyph: '·', tone: 'grey' as Tone, section: 'manage' as const, order: 99 }

/** Entries with a label key (resolved by the component, which writes each text out) and a url. */
export interface EntrySource {
  key: string
  label: string
  url: string
}

export function hubEntries(groupId: string, role: Role | null): EntrySource[] {
  return [
    ...dailyEntries(groupId, role),
    ...participationEntries(groupId, role),
    // The apply button sits with the visitor's own application status, not among the tiles.
    ...admissionEntries(groupId, role).filter((entry) => entry.key !== 'apply'),
  ]
}

export function hubTiles(groupId: string, role: Role | null, board: BoardBadges | null | undefined): { daily: HubTile[]; manage: HubTile[] } {
  const tiles = hubEntries(groupId, role).map((entry) => {
    const look = TILE_LOOKS[entry.key] ?? FALLBACK_LOOK
    const badge = entry.key === 'announcements' || entry.key === 'rules' ? entryBadge(entry.key, board) : null
    return { tile: { key: entry.key, label: entry.label, url: entry.url, glyph: look.glyph, tone: look.tone, badge }, look }
  })
  const of = (section: 'daily' | 'manage') =>
    tiles
      .filter(({ look }) => look.section === section)
      .sort((a, b) => a.look.order - b.look.order)
      .map(({ tile }) => tile)
  return { daily: of('daily'), manage: of('manage') }
}
