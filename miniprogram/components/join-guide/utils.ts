/**
 * Pure helpers of the join-guide card: which ways to join it shows, in order. No Taro imports (utils.test.ts).
 *
 * @example
 *   joinWays({ groupQrUrl: null, personalQrUrl: 'x', instructions: '' })   // ['personalQr']
 */
import type { JoinGuideView } from '../../../contracts/admission'

export type JoinWay = 'groupQr' | 'personalQr' | 'instructions'

/** The ways the guide offers now (an expired group QR never reaches the view, so it is never listed). */
export function joinWays(view: Pick<JoinGuideView, 'groupQrUrl' | 'personalQrUrl' | 'instructions'>): JoinWay[] {
  const ways: JoinWay[] = []
  if (view.groupQrUrl) ways.push('groupQr')
  if (view.personalQrUrl) ways.push('personalQr')
  if (view.instructions.trim() !== '') ways.push('instructions')
  return ways
}
