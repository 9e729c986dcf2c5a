/**
 * One lottery (packages/lottery/pages/lottery/index?id=<lotteryId>), where the group card, the list and every
 * inbox message lead: title, description, prizes by tier, the rules (window, draw rule, who may enter, how
 * the odds work), a countdown, the commitment (with a copy button) from publication on, 「参加抽奖」 with the
 * device nonce, the member's tickets or why they may not enter, the entrant count; after the draw the
 * winners per tier (masked names), the member's win with the claim form, and 「验证开奖」, which recomputes the
 * draw on this device. A cancelled lottery says why.
 */
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { enterLottery, getLottery, type LotteryView } from '../../../../../contracts/lottery'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import { phaseTagType, phaseText } from '../../../../components/lottery-card/utils'
import { askForSubscriptions } from '../../../../api/subscribe'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { deviceNonce } from '../../device-nonce'
import { countdownText, eligibilityLines, oddsText, ruleText, tierLabel, timeText } from '../../lottery-texts'
import ClaimBox from './claim-box'
import VerifyPanel from './verify-panel'
import './index.scss'

export default function LotteryPage() {
  const lotteryId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getLottery, lotteryId ? { lotteryId } : null)
  return (
    <PageShell name="lottery-page">
      {state.status === 'loading' && state.first && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="lottery-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <LotteryDetail view={state.data} reload={reload} />}
    </PageShell>
  )
}

function LotteryDetail({ view, reload }: { view: LotteryView; reload: () => void }) {
  const drawn = view.phase === 'drawn' || view.phase === 'settled'
  return (
    <View id="lottery-view">
      <View className="lottery-box lottery-head">
        <View className="lottery-row">
          <Text id="lottery-title" className="lottery-head__title">
            {view.title}
          </Text>
          <Tag type={phaseTagType(view.phase)}>
            <Text id="lottery-phase">{phaseText(view.phase)}</Text>
          </Tag>
        </View>
        <Text className="lottery-meta">{view.groupName}</Text>
        {view.description !== '' && (
          <Text id="lottery-description" className="lottery-head__description">
            {view.description}
          </Text>
        )}
        {view.countdown && <Countdown countdown={view.countdown} onElapsed={reload} />}
      </View>

      {view.phase === 'cancelled' && (
        <View id="lottery-cancelled" className="lottery-box lottery-box--warn">
          <Text className="lottery-box__title">{t('lotteryPage.cancelled')}</Text>
          {view.cancelReason && <Text className="lottery-line">{t('lotteryPage.cancelReason', { reason: view.cancelReason })}</Text>}
        </View>
      )}

      {drawn && <Results view={view} />}
      {view.myWin && <ClaimBox lotteryId={view.id} win={view.myWin} timezone={view.timezone} tierLabel={tierLabelOf(view, view.myWin.tierId)} onClaimed={reload} />}
      {!drawn && view.phase !== 'cancelled' && <EntryBox view={view} onEntered={reload} />}

      <Prizes view={view} />
      <Rules view={view} />
      <Commitment view={view} />
      {drawn && <VerifyPanel lotteryId={view.id} />}

      {view.isAdmin && (
        <Button id="lottery-manage" block fill="outline" className="lottery-gap" onClick={() => Taro.navigateTo({ url: pageUrl('lotteryManage', { id: view.id }) })}>
          {t('lotteryPage.manage')}
        </Button>
      )}
    </View>
  )
}

/** 一等奖… by the tier's place in the view's prize list (tiers are drawn in that order). */
function tierLabelOf(view: LotteryView, tierId: string): string {
  return tierLabel(Math.max(0, view.prizes.findIndex((tier) => tier.tierId === tierId)))
}

/** Counts down each second to the view's next moment, and reloads the page once when it passes. */
function Countdown({ countdown, onElapsed }: { countdown: NonNullable<LotteryView['countdown']>; onElapsed: () => void }) {
  const [now, setNow] = useState(() => Date.now())
  const left = Date.parse(countdown.at) - now
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const elapsed = left <= 0
  useEffect(() => {
    if (!elapsed) return
    // The server decides what happens next (entries close, the timer draws); ask it again shortly.
    const timer = setTimeout(onElapsed, 1500)
    return () => clearTimeout(timer)
  }, [elapsed, onElapsed])
  return (
    <View id="lottery-countdown" className="lottery-countdown">
      <Text className="lottery-countdown__label">{t(`lotteryPage.countdown.${countdown.kind}`)}</Text>
      <Text id="lottery-countdown-value" className="lottery-countdown__value">
        {countdownText(left)}
      </Text>
    </View>
  )
}

function EntryBox({ view, onEntered }: { view: LotteryView; onEntered: () => void }) {
  const enter = useAction(enterLottery)
  const mine = view.myEntry
  const tapEnter = async () => {
    // Consent for the 中奖 message, asked at the tap (WeChat shows no dialog later); not awaited.
    void askForSubscriptions(['lotteryWon'])
    const nonce = await deviceNonce()
    const entered = await enter.run({ lotteryId: view.id, nonce })
    if (!entered) return
    Taro.showToast({ title: t('lotteryPage.enteredJust'), icon: 'success' })
    onEntered()
  }
  return (
    <View id="lottery-entry" className="lottery-box">
      <Text id="lottery-entrants" className="lottery-box__title">
        {t('lotteryPage.entrants', { count: view.entrantCount })}
      </Text>
      {mine.entered && (
        <View id="lottery-my-entry">
          <Text className="lottery-line lottery-line--ok">{t('lotteryPage.entered', { tickets: mine.tickets })}</Text>
          {mine.entryId && <Text className="lottery-meta">{t('lotteryPage.myEntryId', { id: mine.entryId })}</Text>}
        </View>
      )}
      {!mine.entered && mine.canEnter && (
        <View>
          <Text id="lottery-will-get" className="lottery-line">
            {t('lotteryPage.willGet', { tickets: mine.tickets })}
          </Text>
          <Button id="lottery-enter" type="primary" block loading={enter.busy} onClick={tapEnter}>
            {t('lotteryPage.enter')}
          </Button>
        </View>
      )}
      {!mine.entered && !mine.canEnter && mine.ineligibleReason && (
        <Text id="lottery-ineligible" className="lottery-line lottery-line--warn">
          {mine.ineligibleReason}
        </Text>
      )}
      {mine.checkins !== null && <Text className="lottery-meta">{t('lotteryPage.myCheckins', { count: mine.checkins })}</Text>}
      {view.phase === 'closed' && <Text className="lottery-meta">{t('lotteryPage.closedWaiting')}</Text>}
      {view.phase === 'drawing' && <Text className="lottery-meta">{t('lotteryPage.drawing')}</Text>}
      {enter.error !== '' && (
        <Text id="lottery-enter-error" className="lottery-error">
          {enter.error}
        </Text>
      )}
    </View>
  )
}

function Results({ view }: { view: LotteryView }) {
  const given = view.winners.reduce((sum, tier) => sum + tier.winners.filter((w) => w.round === 0).length, 0)
  const total = view.prizes.reduce((sum, tier) => sum + tier.quantity, 0)
  return (
    <View id="lottery-results" className="lottery-box">
      <Text className="lottery-box__title">{t('lotteryPage.winners')}</Text>
      {view.drawnAt && <Text className="lottery-meta">{t('lotteryPage.drawnAt', { time: timeText(view.drawnAt, view.timezone), count: view.entrantCount })}</Text>}
      {view.fewerEntrantsThanPrizes && (
        <Text id="lottery-fewer" className="lottery-line lottery-line--warn">
          {t('lotteryPage.fewer', { given, left: total - given })}
        </Text>
      )}
      {view.winners.map((tier, index) => (
        <View key={tier.tierId} id={`lottery-tier-${tier.tierId}`} className="lottery-tier">
          <Text className="lottery-tier__name">{`${tierLabel(index)} · ${tier.name}`}</Text>
          {tier.winners.length === 0 && <Text className="lottery-meta">{t('lotteryPage.noWinner')}</Text>}
          <View className="lottery-winners">
            {tier.winners.map((winner) => (
              <View key={winner.entryId} className={winner.isMe ? 'lottery-winner is-me' : 'lottery-winner'}>
                <Text>{winner.maskedName}</Text>
                {winner.isMe && <Text className="lottery-winner__me">{t('lotteryPage.me')}</Text>}
                {winner.round > 0 && <Text className="lottery-winner__note">{t('lotteryPage.redrawRound', { round: winner.round })}</Text>}
                <Text className={`lottery-winner__status is-${winner.claimStatus}`}>{t(`lottery.claimStatus.${winner.claimStatus}`)}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {!view.myWin && (
        <Text id="lottery-not-won" className="lottery-meta">
          {view.myEntry.entered ? t('lotteryPage.notWon') : t('lotteryPage.notEntered')}
        </Text>
      )}
    </View>
  )
}

function Prizes({ view }: { view: LotteryView }) {
  return (
    <View id="lottery-prizes" className="lottery-box">
      <Text className="lottery-box__title">{t('lotteryPage.prizes')}</Text>
      {view.prizes.map((tier, index) => (
        <View key={tier.tierId} className="lottery-prize">
          <Text className="lottery-prize__rank">{tierLabel(index)}</Text>
          {tier.imageUrl && <Image className="lottery-prize__image" src={tier.imageUrl} mode="aspectFill" />}
          <Text className="lottery-prize__name">{tier.name}</Text>
          <Text className="lottery-prize__count">{t('lotteryPage.quantity', { count: tier.quantity })}</Text>
        </View>
      ))}
    </View>
  )
}

function Rules({ view }: { view: LotteryView }) {
  const rows: Array<[string, string, string]> = [
    ['lottery-window', t('lotteryPage.window'), t('lotteryPage.windowValue', { from: timeText(view.window.opensAt, view.timezone), to: timeText(view.window.closesAt, view.timezone) })],
    ['lottery-rule', t('lotteryPage.rule'), ruleText(view.drawRule, view.timezone)],
    ['lottery-eligibility', t('lotteryPage.eligibility'), eligibilityLines(view).join('；')],
    ['lottery-odds', t('lotteryPage.odds'), oddsText(view)],
    ['lottery-claim-days', t('lotteryPage.claim'), t('lotteryPage.claimDays', { days: view.claimDays })],
  ]
  return (
    <View id="lottery-rules" className="lottery-box">
      <Text className="lottery-box__title">{t('lotteryPage.howTitle')}</Text>
      {rows.map(([id, label, value]) => (
        <View key={id} className="lottery-fact">
          <Text className="lottery-fact__label">{label}</Text>
          <Text id={id} className="lottery-fact__value">
            {value}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Commitment({ view }: { view: LotteryView }) {
  const copy = () => Taro.setClipboardData({ data: view.commitment }).then(() => Taro.showToast({ title: t('lotteryPage.copied'), icon: 'none' }), () => undefined)
  return (
    <View id="lottery-commitment" className="lottery-box">
      <View className="lottery-row">
        <Text className="lottery-box__title">{t('lotteryPage.commitment')}</Text>
        <Button id="lottery-copy-commitment" size="small" fill="outline" onClick={copy}>
          {t('lotteryPage.copy')}
        </Button>
      </View>
      <Text id="lottery-commitment-value" className="lottery-hash">
        {view.commitment}
      </Text>
      <Text className="lottery-meta">{t('lotteryPage.commitmentHint')}</Text>
    </View>
  )
}
