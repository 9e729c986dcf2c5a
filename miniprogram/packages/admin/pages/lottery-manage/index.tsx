/**
 * Admin: manage one lottery (packages/admin/pages/lottery-manage/index?id=<lotteryId>): the live entrant
 * count (refreshed every 15 s while entries are open), draw now (confirmed), cancel with a reason (confirmed;
 * entrants are told), the winners with claim status and contact details, redraw of prizes unclaimed after
 * the deadline, settle (contacts purged), the entrant list (paged), and CSV export of entrants and winners (a file behind a link: downloaded in
 * H5, the link to copy in WeChat).
 */
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import {
  MAX_CANCEL_REASON,
  cancelLottery,
  drawLottery,
  exportLotteryCsv,
  getLottery,
  listLotteryEntrants,
  listLotteryWinners,
  redrawLottery,
  settleLottery,
  type LotteryCsv,
  type LotteryView,
  type WinnerAdminView,
} from '../../../../../contracts/lottery'
import { pageUrl } from '../../../../../contracts/routes'
import { formatLocal } from '../../../../../domain/days'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import LoadMore from '../../../../components/load-more'
import PageShell from '../../../../components/page-shell'
import { phaseTagType, phaseText } from '../../../../components/lottery-card/utils'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { copyExportLink, downloadExport, exportLink } from './save-csv'
import './index.scss'

/** How often the entrant count refreshes while entries are open. */
const LIVE_MS = 15_000

export default function LotteryManagePage() {
  const lotteryId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getLottery, lotteryId ? { lotteryId } : null)
  // Keep showing the last answer while a refresh is in flight (the live count reloads in the background).
  const last = useRef<LotteryView | null>(null)
  if (state.status === 'ready') last.current = state.data
  const view = state.status === 'ready' ? state.data : state.status === 'loading' ? last.current : null
  const live = view !== null && (view.phase === 'open' || view.phase === 'upcoming' || view.phase === 'closed' || view.phase === 'drawing')
  useEffect(() => {
    if (!live) return
    const timer = setInterval(reload, LIVE_MS)
    return () => clearInterval(timer)
  }, [live, reload])
  return (
    <PageShell name="lottery-manage-page">
      {view === null && state.status === 'loading' && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="manage-error" message={state.error.message} onRetry={reload} />}
      {view !== null && state.status !== 'error' && <Manage view={view} reload={reload} />}
    </PageShell>
  )
}

function Manage({ view, reload }: { view: LotteryView; reload: () => void }) {
  const drawn = view.phase === 'drawn' || view.phase === 'settled'
  return (
    <View id="manage-view">
      <View className="manage-card">
        <View className="manage-row">
          <Text id="manage-title" className="manage-title">
            {view.title}
          </Text>
          <Tag type={phaseTagType(view.phase)}>
            <Text id="manage-phase">{phaseText(view.phase)}</Text>
          </Tag>
        </View>
        <View className="manage-count">
          <Text id="manage-entrant-count" className="manage-count__value">
            {view.entrantCount}
          </Text>
          <Text className="manage-count__label">{t('lotteryManage.entrantsLabel')}</Text>
        </View>
        {!drawn && view.phase !== 'cancelled' && <Text className="manage-hint">{t('lotteryManage.live')}</Text>}
        {view.cancelReason && <Text className="manage-hint">{t('lotteryPage.cancelReason', { reason: view.cancelReason })}</Text>}
        <Text id="manage-open-member-page" className="manage-link" onClick={() => Taro.navigateTo({ url: pageUrl('lottery', { id: view.id }) })}>
          {`${t('lotteryManage.view')} ›`}
        </Text>
      </View>

      {!view.isAdmin && <Text className="manage-hint">{t('lotteryCreate.adminsOnly')}</Text>}
      {view.isAdmin && <Actions view={view} reload={reload} />}
      {view.isAdmin && drawn && <Winners lotteryId={view.id} drawnKey={`${view.redraws}:${view.phase}`} />}
      {view.isAdmin && <Exports lotteryId={view.id} drawn={drawn} />}
      {view.isAdmin && <Entrants lotteryId={view.id} count={view.entrantCount} />}
    </View>
  )
}

type Pending = 'draw' | 'cancel' | 'redraw' | 'settle' | null

function Actions({ view, reload }: { view: LotteryView; reload: () => void }) {
  const [pending, setPending] = useState<Pending>(null)
  const [reason, setReason] = useState('')
  const [notice, setNotice] = useState('')
  const draw = useAction(drawLottery)
  const cancel = useAction(cancelLottery)
  const redraw = useAction(redrawLottery)
  const settle = useAction(settleLottery)
  const error = draw.error || cancel.error || redraw.error || settle.error

  const confirm = async () => {
    const done =
      pending === 'draw'
        ? (await draw.run({ lotteryId: view.id })) && t('lotteryManage.drawn')
        : pending === 'cancel'
          ? reason.trim() === ''
            ? (cancel.setError(t('lotteryManage.reasonNeeded')), undefined)
            : (await cancel.run({ lotteryId: view.id, reason })) && t('lotteryManage.cancelled')
          : pending === 'redraw'
            ? (await redraw.run({ lotteryId: view.id })) && t('lotteryManage.redrawn')
            : pending === 'settle'
              ? (await settle.run({ lotteryId: view.id })) && t('lotteryPhase.settled')
              : undefined
    if (!done) return
    setPending(null)
    setNotice(done)
    reload()
  }
  const ask = (what: Pending) => {
    for (const action of [draw, cancel, redraw, settle]) action.reset()
    setNotice('')
    setPending(what)
  }
  const question: Record<Exclude<Pending, null>, string> = {
    draw: t('lotteryManage.drawConfirm'),
    cancel: t('lotteryManage.cancelConfirm'),
    redraw: t('lotteryManage.redrawConfirm'),
    settle: t('lotteryManage.settleConfirm'),
  }
  const busy = draw.busy || cancel.busy || redraw.busy || settle.busy
  const canSettle = view.phase === 'drawn'
  if (!view.canDraw && !view.canCancel && !view.canRedraw && !canSettle && notice === '') return null
  return (
    <View id="manage-actions" className="manage-card">
      {notice !== '' && (
        <Text id="manage-notice" className="manage-notice">
          {notice}
        </Text>
      )}
      {pending === null && (
        <View className="manage-buttons">
          {view.canDraw && (
            <Button id="manage-draw" type="primary" block onClick={() => ask('draw')}>
              {t('lotteryManage.draw')}
            </Button>
          )}
          {view.canRedraw && (
            <Button id="manage-redraw" type="primary" block onClick={() => ask('redraw')}>
              {t('lotteryManage.redraw', { count: view.unclaimedCount })}
            </Button>
          )}
          {canSettle && (
            <Button id="manage-settle" block fill="outline" onClick={() => ask('settle')}>
              {t('lotteryManage.settle')}
            </Button>
          )}
          {view.canCancel && (
            <Button id="manage-cancel" type="danger" fill="outline" block onClick={() => ask('cancel')}>
              {t('lotteryManage.cancel')}
            </Button>
          )}
        </View>
      )}
      {pending !== null && (
        <View id="manage-confirm" className="manage-confirm">
          <Text id="manage-confirm-question" className="manage-confirm__question">
            {question[pending]}
          </Text>
          {pending === 'cancel' && <FormField id="manage-cancel-reason" label={t('lotteryManage.cancelReason')} value={reason} maxLength={MAX_CANCEL_REASON} onInput={setReason} />}
          <View className="manage-row">
            <Button id="manage-confirm-no" fill="outline" onClick={() => setPending(null)}>
              {t('lotteryManage.confirmNo')}
            </Button>
            <Button id="manage-confirm-yes" type={pending === 'cancel' ? 'danger' : 'primary'} loading={busy} onClick={confirm}>
              {t('lotteryManage.confirmYes')}
            </Button>
          </View>
        </View>
      )}
      {error !== '' && (
        <Text id="manage-action-error" className="manage-error">
          {error}
        </Text>
      )}
    </View>
  )
}

function Winners({ lotteryId, drawnKey }: { lotteryId: string; drawnKey: string }) {
  const { state, reload } = usePageData(listLotteryWinners, { lotteryId })
  useEffect(reload, [drawnKey, reload])
  return (
    <View id="manage-winners" className="manage-card">
      <Text className="manage-card__title">{t('lotteryManage.winners')}</Text>
      {state.status === 'error' && <Text className="manage-error">{state.error.message}</Text>}
      {state.status === 'ready' && state.data.items.length === 0 && <Text className="manage-hint">{t('lotteryPage.noWinner')}</Text>}
      {state.status === 'ready' &&
        state.data.items.map((winner) => <WinnerRow key={`${winner.round}:${winner.entryId}`} winner={winner} timezone={state.data.timezone} settled={state.data.settled} />)}
    </View>
  )
}

function WinnerRow({ winner, timezone, settled }: { winner: WinnerAdminView; timezone: string; settled: boolean }) {
  return (
    <View id={`manage-winner-${winner.entryId}`} className="manage-item">
      <View className="manage-row">
        <Text className="manage-item__name">{winner.name}</Text>
        <Text className={`manage-status is-${winner.status}`}>{t(`lottery.claimStatus.${winner.status}`)}</Text>
      </View>
      <Text className="manage-hint">
        {`${winner.tierName}${winner.round > 0 ? ` · ${t('lotteryPage.redrawRound', { round: winner.round })}` : ''} · ${t('lotteryManage.deadline', { time: formatLocal(winner.claimDeadline, timezone) })}`}
      </Text>
      {winner.contact ? (
        <View className="manage-contact">
          <Text className="manage-contact__line">{t('lotteryManage.contact', { name: winner.contact.name, phone: winner.contact.phone })}</Text>
          {winner.contact.address !== '' && <Text className="manage-contact__line">{winner.contact.address}</Text>}
          {winner.contact.note !== '' && <Text className="manage-contact__line">{winner.contact.note}</Text>}
        </View>
      ) : (
        <Text className="manage-hint">{settled ? t('lotteryManage.purged') : t('lotteryManage.noContact')}</Text>
      )}
    </View>
  )
}

function Exports({ lotteryId, drawn }: { lotteryId: string; drawn: boolean }) {
  const exportIt = useAction(exportLotteryCsv)
  const [file, setFile] = useState<LotteryCsv | null>(null)
  const save = async (kind: 'entrants' | 'winners') => {
    setFile(null)
    const exported = await exportIt.run({ lotteryId, kind })
    if (!exported) return
    setFile(exported)
    downloadExport(exported)
  }
  return (
    <View id="manage-export" className="manage-card">
      <View className="manage-row">
        <Button id="manage-export-entrants" size="small" fill="outline" disabled={exportIt.busy} onClick={() => save('entrants')}>
          {t('lotteryManage.exportEntrants')}
        </Button>
        {drawn && (
          <Button id="manage-export-winners" size="small" fill="outline" disabled={exportIt.busy} onClick={() => save('winners')}>
            {t('lotteryManage.exportWinners')}
          </Button>
        )}
      </View>
      {file && <ExportResult file={file} />}
      {exportIt.error !== '' && <Text className="manage-error">{exportIt.error}</Text>}
    </View>
  )
}

/** The saved file: its name and rows, the link (selectable), 下载 in H5 and 复制链接 everywhere. */
function ExportResult({ file }: { file: LotteryCsv }) {
  return (
    <View id="manage-export-result" className="manage-export">
      <Text id="manage-export-notice" className="manage-hint">
        {t('exportPage.ready', { file: file.fileName, rows: file.rows })}
      </Text>
      <Text id="manage-export-link" className="manage-export__link" userSelect>
        {exportLink(file)}
      </Text>
      <View className="manage-row">
        {process.env.TARO_ENV === 'h5' && (
          <Button id="manage-export-download" size="small" type="primary" onClick={() => downloadExport(file)}>
            {t('exportPage.download')}
          </Button>
        )}
        <Button id="manage-export-copy" size="small" fill="outline" onClick={() => copyExportLink(file)}>
          {t('exportPage.copy')}
        </Button>
      </View>
      <Text className="manage-hint">{t('exportPage.csvNote')}</Text>
    </View>
  )
}

function Entrants({ lotteryId, count }: { lotteryId: string; count: number }) {
  const list = usePagedAction(listLotteryEntrants, { lotteryId })
  const { state, reload } = list
  const loadedFor = useRef(count)
  // A new entrant since the list loaded: load it again (the count refreshes on its own).
  useEffect(() => {
    if (count === loadedFor.current) return
    loadedFor.current = count
    reload()
  }, [count, reload])
  return (
    <View id="manage-entrants" className="manage-card">
      <Text className="manage-card__title">{t('lotteryManage.entrants', { count })}</Text>
      {state.status === 'error' && <Text className="manage-error">{state.error.message}</Text>}
      {state.status === 'ready' && list.items.length === 0 && <Text className="manage-hint">{t('lotteryManage.none')}</Text>}
      {list.items.map((entrant) => (
        <View key={entrant.entryId} className="manage-item manage-row">
          <Text className="manage-item__name">{entrant.name}</Text>
          <Text className="manage-hint">{`${t('lotteryManage.tickets', { count: entrant.tickets })} · ${state.status === 'ready' ? formatLocal(entrant.enteredAt, state.data.timezone) : ''}`}</Text>
        </View>
      ))}
      <LoadMore id="manage-entrants-more" list={list} />
    </View>
  )
}
