/**
 * Lottery test helpers: a valid create input, device nonces, check-ins to seed, and the whole published draw
 * read page by page as 「验证开奖」 does.
 *
 * @example
 *   const { id } = await fx.api.as(ADMIN).call(createLottery, lotteryInput({ weighting: { maxTickets: 5 }, eligibility: { … } }))
 *   verifyDraw(await publishedDraw(fx, MEMBER, id)).ok   // true
 */
import { getLotteryDraw, type CreateLotteryInput, type LotteryCsv, type LotteryDrawPage } from '../../contracts/lottery'
import type { CheckinDoc } from '../../domain/checkin'
import type { PublishedDraw } from '../../domain/lottery-draw'
import { readLocalExport } from '../../platform/export-files-local'
import type { Store } from '../../store/port'
import { GROUP, type Fixture } from './fixture'

export const M2 = 'o_m2'
export const M3 = 'o_m3'
export const NONCE = (n: number) => n.toString(16).padStart(32, '0')

/** A lottery input: a week's window, drawn by an admin's tap unless said otherwise. */
export function lotteryInput(overrides: Partial<CreateLotteryInput> = {}): CreateLotteryInput {
  return {
    groupId: GROUP,
    requestId: 'req_0123456789',
    title: '坚持打卡抽好书',
    description: '本周打卡满 3 次即可参与，打卡越多中奖机会越大',
    prizes: [
      { name: '《活着》签名本', quantity: 1 },
      { name: '读书会定制书签', quantity: 2 },
    ],
    closesAt: '2026-11-30T12:00:00.000Z',
    drawRule: { kind: 'manual' },
    eligibility: { minCheckins: 0, period: null, joinedBefore: null },
    weighting: null,
    needsAddress: false,
    claimDays: 7,
    ...overrides,
  }
}

export async function seedCheckins(store: Store, openid: string, days: string[]): Promise<void> {
  for (const day of days) {
    const doc: CheckinDoc = {
      _id: `${GROUP}:${openid}:${day}`,
      groupId: GROUP,
      openid,
      day,
      note: '',
      photoFileId: null,
      taskId: null,
      taskTitle: null,
      makeUp: false,
      authorName: '',
      checkedInAt: `${day}T01:00:00.000Z`,
    }
    await store.create('checkins', doc)
  }
}

/** Every page of the published draw, as 「验证开奖」 reads it. */
export async function publishedDraw(fx: Fixture, who: string, lotteryId: string): Promise<PublishedDraw> {
  const pages: LotteryDrawPage[] = []
  let cursor: number | null = 0
  while (cursor !== null) {
    const page: LotteryDrawPage = await fx.api.as(who).call(getLotteryDraw, { lotteryId, cursor })
    pages.push(page)
    cursor = page.next
  }
  const { version, commitment, seed, digest, rounds } = pages[0]
  return { version, lotteryId, commitment, seed, digest, rounds, entrants: pages.flatMap((page) => page.items) }
}


/** The CSV behind a lottery export's local signed link (checked just before the link expires); throws if none. */
export function csvBehind(file: LotteryCsv): string {
  const url = new URL(file.url, 'http://127.0.0.1')
  const saved = readLocalExport(url.pathname.split('/').pop()!, url.searchParams.get('exp'), url.searchParams.get('sig'), new Date(Date.parse(file.expiresAt) - 1000))
  if (!saved) throw new Error(`no export behind ${file.url}`)
  expect(saved.fileName).toBe(file.fileName)
  return saved.content
}
