import { RECENT_ANNOUNCEMENTS, rulesToConfirm, unreadAnnouncements, withRecent, withoutRecent } from '../../domain/board'

const entry = (id: string, at: string, by = 'm_admin') => ({ id, at, by })

describe('the board’s unread rules', () => {
  it('counts announcements after the later of joining and last looking, never the reader’s own', () => {
    const list = [entry('a3', '2026-11-23T03:00:00Z'), entry('a2', '2026-11-22T03:00:00Z', 'm_me'), entry('a1', '2026-11-21T03:00:00Z')]
    expect(unreadAnnouncements(list, { memberKey: 'm_me', joinedAt: '2026-11-01T00:00:00Z' })).toBe(2)
    expect(unreadAnnouncements(list, { memberKey: 'm_me', joinedAt: '2026-11-01T00:00:00Z', boardSeenAt: '2026-11-22T00:00:00Z' })).toBe(1)
    expect(unreadAnnouncements(list, { memberKey: 'm_x', joinedAt: '2026-11-22T12:00:00Z', boardSeenAt: '2026-11-02T00:00:00Z' })).toBe(1)
    expect(unreadAnnouncements(undefined, { memberKey: 'm_x', joinedAt: '2026-11-22T12:00:00Z' })).toBe(0)
  })

  it('keeps the newest first, once each, at most RECENT_ANNOUNCEMENTS', () => {
    let list = withRecent(undefined, entry('a1', '2026-11-21T03:00:00Z'))
    list = withRecent(list, entry('a2', '2026-11-22T03:00:00Z'))
    list = withRecent(list, entry('a2', '2026-11-22T03:00:00Z'))
    expect(list.map((e) => e.id)).toEqual(['a2', 'a1'])
    expect(withoutRecent(list, 'a2').map((e) => e.id)).toEqual(['a1'])
    for (let i = 0; i < 30; i++) list = withRecent(list, entry(`b${i}`, `2026-12-${String(i + 1).padStart(2, '0')}T00:00:00Z`))
    expect(list).toHaveLength(RECENT_ANNOUNCEMENTS)
    expect(list[0].id).toBe('b29')
  })

  it('asks to confirm the current rules version until it is confirmed', () => {
    expect(rulesToConfirm(3, 2)).toBe(3)
    expect(rulesToConfirm(3, undefined)).toBe(3)
    expect(rulesToConfirm(3, 3)).toBeNull()
  })
})
