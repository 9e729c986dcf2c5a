/**
 * 「验证开奖」 on the member's own device: fetch the published draw (every page of the frozen entrant list),
 * run the algorithm's `verifyDraw` here, and turn its answer into the rows the page shows — the commitment,
 * the digest, then each round's winners — each ✓ or ✗. This module is the only one of the app that imports
 * the algorithm (and with it the SHA-256 code), so it is built into the lottery subpackage alone.
 *
 * @example
 *   const draw = await fetchPublishedDraw(lotteryId, (loaded, total) => setProgress(...))
 *   const rows = checkRows(draw, verifyDraw(draw))   // [{ key: 'commitment', ok: true, … }, …]
 */
import { getLotteryDraw, type LotteryDrawPage } from '../../../contracts/lottery'
import { verifyDraw, type DrawEntrant, type DrawVerification, type PublishedDraw } from '../../../domain/lottery-draw'
import { t } from '../../../i18n/strings'
import { callAction } from '../../api/client'

export interface CheckRow {
  key: string
  label: string
  ok: boolean
}

export interface DrawCheck {
  draw: PublishedDraw
  verification: DrawVerification
  rows: CheckRow[]
  tickets: number
}

/** Every page of the published draw, joined into the algorithm's `PublishedDraw`. */
export async function fetchPublishedDraw(lotteryId: string, onProgress?: (loaded: number, total: number) => void): Promise<PublishedDraw> {
  let page: LotteryDrawPage = await callAction(getLotteryDraw, { lotteryId, cursor: 0 })
  const header = page
  const entrants: DrawEntrant[] = [...page.items]
  onProgress?.(entrants.length, header.entrantCount)
  while (page.next !== null) {
    page = await callAction(getLotteryDraw, { lotteryId, cursor: page.next })
    entrants.push(...page.items)
    onProgress?.(entrants.length, header.entrantCount)
  }
  return { version: header.version, lotteryId: header.lotteryId, commitment: header.commitment, seed: header.seed, entrants, digest: header.digest, rounds: header.rounds }
}

/** Download and check in one go. */
export async function checkDraw(lotteryId: string, onProgress?: (loaded: number, total: number) => void): Promise<DrawCheck> {
  const draw = await fetchPublishedDraw(lotteryId, onProgress)
  const verification = verifyDraw(draw)
  return { draw, verification, rows: checkRows(draw, verification), tickets: draw.entrants.reduce((sum, e) => sum + e.tickets, 0) }
}

/**
 * The page's rows. `verifyDraw` says whether all winners recompute; which round failed is read from its
 * problems (the same texts it writes), and every round fails when the winners could not be recomputed at all.
 */
export function checkRows(draw: Pick<PublishedDraw, 'rounds'>, verification: DrawVerification): CheckRow[] {
  const problems = new Set(verification.problems)
  const noneRecomputed = problems.has(t('lotteryDraw.problem.cannotRecompute')) || problems.has(t('lotteryDraw.problem.noRounds'))
  const roundOk = (round: number, index: number) =>
    verification.winners ||
    (!noneRecomputed &&
      !problems.has(t('lotteryDraw.problem.winners', { round })) &&
      !problems.has(t('lotteryDraw.problem.roundNumber', { index })) &&
      !problems.has(t('lotteryDraw.problem.tiers', { round })))
  return [
    { key: 'commitment', label: t('lotteryDraw.check.commitment'), ok: verification.commitment },
    { key: 'digest', label: t('lotteryDraw.check.digest'), ok: verification.digest },
    ...draw.rounds.map((round, index) => ({ key: `round-${index}`, label: index === 0 ? t('lotteryVerify.round0') : t('lotteryVerify.roundK', { round: index }), ok: roundOk(index, index) })),
  ]
}
