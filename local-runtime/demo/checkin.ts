/**
 * Demo data for rules, announcements, daily tasks and check-ins in the demo reading group: make-ups
 * allowed (3 days back, twice a month); a week of 《活着》 reading tasks published at 08:00 plus
 * tomorrow's, written ahead; two announcements (one pinned); and a month of check-ins with varied
 * streaks — recorded through the real check-in use cases at their historical instants, so the counters
 * are exactly what live check-ins would have produced. The member persona has a 5-day streak that ended
 * yesterday and has not checked in today.
 *
 * @example
 *   await seedCheckin(store, new Date())  // idempotent: does nothing once the tasks are there
 */
import { dayRuleOf, localInstant, shiftDay, todayKey } from '../../domain/days'
import { formatNickname } from '../../domain/group'
import { dailyTaskId, type DailyTaskDoc } from '../../domain/tasks'
import type { Store } from '../../store/port'
import { checkIn, makeUpCheckin } from '../../usecases/checkin'
import { userCaller, type UseCaseContext } from '../../usecases/context'
import type { PhotoStorage } from '../../usecases/photos'
import { memberKey } from '../../usecases/member-keys'
import { DEMO_GROUP_ID, personaOpenid } from './personas'

/** A week of chapters of 余华《活着》, oldest first, then tomorrow's. */
const TASKS: Array<[string, string]> = [
  ['《活着》第 1 天：序言与开篇', '读余华写的中文版自序和开篇，想一想：作者为什么说“活着”是为了活着本身？'],
  ['《活着》第 2 天：福贵败家', '读到福贵输光家产。写下一句你印象最深的话。'],
  ['《活着》第 3 天：被抓壮丁', '读福贵被国民党抓壮丁的部分，注意他和春生、老全的友情。'],
  ['《活着》第 4 天：回家', '福贵回到家，母亲已经去世，凤霞成了哑巴。读完说说“家”对他意味着什么。'],
  ['《活着》第 5 天：有庆', '读有庆的段落。今天可能有点难过，写一句感受就好。'],
  ['《活着》第 6 天：二喜与凤霞', '读凤霞出嫁。找一处让你笑出来的细节。'],
  ['《活着》第 7 天：家珍', '读家珍的最后时光。想一想：福贵是怎么撑下来的？'],
  ['《活着》第 8 天：苦根与老牛', '读到结尾。明晚 8 点群里语音分享，准备一句话的读后感。'],
]

/** The demo's check-ins carry no photos, so nothing is linked or deleted. */
const NO_PHOTOS: PhotoStorage = { photoLinks: async () => ({}), deleteFiles: async () => undefined }

const NOTES = [
  '今天读了 30 页，福贵的语气太平静了，反而更难受。',
  '“人是为了活着本身而活着，而不是为了活着之外的任何事物所活着。”',
  '早上地铁上读完的，打卡！',
  '读到家珍那段眼眶湿了。',
  '和孩子一起读了一章，他问我福贵为什么不哭。',
  '老全那段写得真好，战争里的人情。',
  '',
  '今天有点忙，只读了半章，明天补上。',
  '余华写苦难不煽情，这是最厉害的地方。',
  '',
]

export async function seedCheckin(store: Store, now: Date): Promise<void> {
  const group = await store.get('groups', DEMO_GROUP_ID)
  if (!group) return
  const rule = dayRuleOf(group)
  const today = todayKey(now, rule)
  if (await store.get('dailyTasks', dailyTaskId(DEMO_GROUP_ID, today))) return

  await store.update('groups', DEMO_GROUP_ID, { makeUp: { enabled: true, windowDays: 3, monthlyLimit: 2 }, taskPublishTime: '08:00' })
  const seeded = (await store.get('groups', DEMO_GROUP_ID))!

  // Tasks: six days ago … today, and tomorrow (scheduled, not visible yet).
  for (const [index, [title, body]] of TASKS.entries()) {
    const day = shiftDay(today, index - 6)
    const written = localInstant(shiftDay(day, -1), '21:00', rule.timezone).toISOString()
    const task: DailyTaskDoc = {
      _id: dailyTaskId(DEMO_GROUP_ID, day),
      groupId: DEMO_GROUP_ID,
      day,
      title,
      body,
      publishAt: localInstant(day, '08:00', rule.timezone).toISOString(),
      authorOpenid: personaOpenid('admin'),
      createdAt: written,
      updatedAt: written,
    }
    await store.create('dailyTasks', task)
  }

  // Announcements: the monthly book list (pinned), and this weekend's meet-up.
  const admin = await store.get('members', `${DEMO_GROUP_ID}:${personaOpenid('admin')}`)
  const owner = await store.get('members', `${DEMO_GROUP_ID}:o_demo_owner`)
  const pinnedAt = localInstant(shiftDay(today, -7), '09:00', rule.timezone).toISOString()
  await store.create('announcements', {
    _id: 'ann_demo_booklist',
    groupId: DEMO_GROUP_ID,
    title: '本月共读：余华《活着》',
    body: '每天 08:00 发布当日章节，读完在小程序打卡写一句感悟。连续打卡 21 天，群主送书一本。漏卡可在 3 天内补卡，每月 2 次。',
    pinned: true,
    pinnedAt,
    authorOpenid: 'o_demo_owner',
    authorName: owner ? formatNickname(owner.intro) : '周敏-郑州-社群运营',
    createdAt: pinnedAt,
  })
  await store.create('announcements', {
    _id: 'ann_demo_meetup',
    groupId: DEMO_GROUP_ID,
    title: '周六下午线下读书会',
    body: '本周六 14:30，郑东新区图书馆三楼研讨室，聊《活着》。名额 20 人，群里接龙报名。',
    pinned: false,
    pinnedAt: null,
    authorOpenid: personaOpenid('admin'),
    authorName: admin ? formatNickname(admin.intro) : '王强-郑州-理财顾问',
    createdAt: localInstant(shiftDay(today, -2), '19:30', rule.timezone).toISOString(),
  })

  // The group's recent list, as posting through the use case keeps it: members see both as unread.
  await store.update('groups', DEMO_GROUP_ID, {
    recentAnnouncements: [
      { id: 'ann_demo_meetup', at: localInstant(shiftDay(today, -2), '19:30', rule.timezone).toISOString(), by: memberKey(DEMO_GROUP_ID, personaOpenid('admin')) },
      { id: 'ann_demo_booklist', at: pinnedAt, by: memberKey(DEMO_GROUP_ID, 'o_demo_owner') },
    ],
  })

  // Check-ins of the last month, through the real use case at the time they happened (from joining on); the
  // last week's link its day's task.
  const members = await store.find('members', { where: { groupId: DEMO_GROUP_ID }, orderBy: [{ field: 'joinedAt', direction: 'asc' }], limit: 100 })
  const memberPersona = personaOpenid('member')
  for (let back = DEMO_HISTORY_DAYS; back >= 0; back--) {
    const day = shiftDay(today, -back)
    for (const [index, member] of members.entries()) {
      if (!checksIn(member.openid, index, back, memberPersona)) continue
      const at = localInstant(day, `${String(7 + (index % 14)).padStart(2, '0')}:${String((index * 7) % 60).padStart(2, '0')}`, rule.timezone)
      if (at > now || todayKey(at, rule) !== day || at.toISOString() < member.joinedAt) continue
      const ctx: UseCaseContext = { store, caller: userCaller(member.openid), now: () => at }
      await checkIn(ctx, { groupId: DEMO_GROUP_ID, note: NOTES[(index + back) % NOTES.length], linkTask: back <= 6 }, NO_PHOTOS)
    }
  }
  // One make-up, marked as such: 张伟 missed the day before yesterday and filled it this morning.
  const filler: UseCaseContext = { store, caller: userCaller('o_demo_m05'), now: () => (localInstant(today, '07:05', rule.timezone) < now ? localInstant(today, '07:05', rule.timezone) : now) }
  if (seeded.makeUp?.enabled) {
    await makeUpCheckin(filler, { groupId: DEMO_GROUP_ID, day: shiftDay(today, -2), note: '前天出差忘了打卡，补上。' }, NO_PHOTOS)
  }
}

/** Days of check-in history the demo has (a month, for the dashboard's charts). */
export const DEMO_HISTORY_DAYS = 30

/**
 * Who checked in on the day `back` days ago: a steady core, a varied middle, the member persona's streak, 张伟's
 * month-long run (the 21-day goal reached), and the silent ones the dashboard lists: 吴昊 and 孙鹏 never
 * checked in, 马丽娟 stopped 13 days ago, 朱晓峰 8 days ago.
 */
function checksIn(openid: string, index: number, back: number, memberPersona: string): boolean {
  if (openid === memberPersona) return (back >= 1 && back <= 5) || (back >= 8 && back <= 11)
  if (openid === 'o_demo_m05') return back !== 2
  if (openid === 'o_demo_m10' || openid === 'o_demo_m12') return false
  if (openid === 'o_demo_m13') return back >= 13 && back <= 20
  if (openid === 'o_demo_m14') return back >= 8 && (index * 7 + back * 3) % 10 < 6
  if (index < 3) return true // owner and admins every day
  return (index * 7 + back * 3) % 10 < 6
}
