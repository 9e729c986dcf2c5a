/**
 * 「验证开奖」 on the lottery page: downloads the published draw (every page of the entrant list), recomputes
 * it on this device (`draw-check.ts`) and shows each check — commitment, digest, each round's winners — with
 * ✓ or ✗, the verdict, and any problem in words; the revealed seed and the digest are shown for anyone who
 * wants to check elsewhere (`npm run verify-draw`).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { t } from '../../../../../i18n/strings'
import { errorMessage } from '../../../../api/client'
import { checkDraw, type DrawCheck } from '../../draw-check'

type VerifyState = { status: 'idle' } | { status: 'loading'; loaded: number; total: number } | { status: 'done'; check: DrawCheck } | { status: 'failed'; message: string }

export default function VerifyPanel({ lotteryId }: { lotteryId: string }) {
  const [state, setState] = useState<VerifyState>({ status: 'idle' })
  const verify = async () => {
    if (state.status === 'loading') return
    setState({ status: 'loading', loaded: 0, total: 0 })
    try {
      const check = await checkDraw(lotteryId, (loaded, total) => setState({ status: 'loading', loaded, total }))
      setState({ status: 'done', check })
    } catch (failure) {
      setState({ status: 'failed', message: errorMessage(failure) })
    }
  }
  return (
    <View id="lottery-verify" className="lottery-box">
      <Text className="lottery-box__title">{t('lotteryVerify.title')}</Text>
      <Text className="lottery-meta lottery-verify__hint">{t('lotteryVerify.hint')}</Text>
      <Button id="lottery-verify-button" type="primary" fill="outline" block loading={state.status === 'loading'} onClick={verify}>
        {t('lotteryVerify.button')}
      </Button>
      {state.status === 'loading' && state.total > 0 && <Text className="lottery-meta">{t('lotteryVerify.loading', state)}</Text>}
      {state.status === 'failed' && (
        <Text id="lottery-verify-error" className="lottery-error">
          {t('lotteryVerify.failed', { message: state.message })}
        </Text>
      )}
      {state.status === 'done' && <VerifyResult check={state.check} />}
    </View>
  )
}

function VerifyResult({ check }: { check: DrawCheck }) {
  const { verification, draw } = check
  return (
    <View id="lottery-verify-result" className="lottery-verify">
      <Text id="lottery-verify-verdict" className={verification.ok ? 'lottery-verify__verdict is-ok' : 'lottery-verify__verdict is-bad'}>
        {verification.ok ? `✓ ${t('lotteryDraw.verdict.ok')}` : `✗ ${t('lotteryDraw.verdict.failed')}`}
      </Text>
      {check.rows.map((row) => (
        <View key={row.key} id={`lottery-check-${row.key}`} className="lottery-check">
          <Text className={row.ok ? 'lottery-check__mark is-ok' : 'lottery-check__mark is-bad'}>{row.ok ? '✓' : '✗'}</Text>
          <Text className="lottery-check__label">{row.label}</Text>
          <Text className="lottery-check__word">{row.ok ? t('lotteryDraw.check.pass') : t('lotteryDraw.check.fail')}</Text>
        </View>
      ))}
      {verification.problems.map((problem) => (
        <Text key={problem} className="lottery-error">
          {problem}
        </Text>
      ))}
      <Text className="lottery-meta">{t('lotteryVerify.counted', { count: draw.entrants.length, tickets: check.tickets })}</Text>
      <Text className="lottery-verify__label">{t('lotteryVerify.seed')}</Text>
      <Text id="lottery-seed" className="lottery-hash">
        {draw.seed ?? ''}
      </Text>
      <Text className="lottery-verify__label">{t('lotteryVerify.digest')}</Text>
      <Text className="lottery-hash">{draw.digest}</Text>
    </View>
  )
}
