/**
 * Exports (packages/admin/pages/exports/index?id=<groupId>): every member with their counters, and the
 * check-ins of a date range (two date pickers, the 30 days up to today to start), and the winners of each
 * drawn lottery of the group (`lottery.exportCsv`), as UTF-8 CSV. The server
 * answers a link: in the H5 build the page downloads it at once (and offers 下载 again); in WeChat, where a
 * CSV cannot be opened in place, the admin copies the link to open in a browser. Admins only (the server
 * refuses anyone else).
 */
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { exportLotteryCsv, listLotteries } from '../../../../../contracts/lottery'
import { MAX_EXPORT_RANGE_DAYS, exportCheckins, exportMembers, type ExportFile } from '../../../../../contracts/participation'
import { formatLocal } from '../../../../../domain/days'
import { DEFAULT_TIMEZONE } from '../../../../../domain/group'
import { t } from '../../../../../i18n/strings'
import LoadMore from '../../../../components/load-more'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { absoluteLink, defaultRange } from './utils'
import './index.scss'

/** Today on this phone (the range is a starting point; the server checks it). */
function deviceToday(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** The link to open or copy: WeChat's is complete; the local runtime's is a path on this page's own server. */
function linkOf(file: ExportFile): string {
  return absoluteLink(file.url, process.env.TARO_ENV === 'h5' ? window.location.origin : '')
}

/** H5: hand the file to the browser as a download. */
function download(file: ExportFile): void {
  if (process.env.TARO_ENV !== 'h5') return
  const link = document.createElement('a')
  link.href = linkOf(file)
  link.download = file.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export default function ExportsPage() {
  const groupId = useRouter().params.id ?? ''
  const today = deviceToday()
  const [range, setRange] = useState(() => defaultRange(today))
  const [file, setFile] = useState<ExportFile | null>(null)
  const members = useAction(exportMembers)
  const checkins = useAction(exportCheckins)
  const winners = useAction(exportLotteryCsv)
  const drawn = usePagedAction(listLotteries, groupId ? { groupId, filter: 'drawn' } : null)
  const [winnersOf, setWinnersOf] = useState('')
  const error = members.error || checkins.error || winners.error

  const done = (exported: ExportFile | undefined) => {
    if (!exported) return
    setFile(exported)
    download(exported)
  }
  const runMembers = async () => {
    checkins.reset()
    winners.reset()
    done(await members.run({ groupId }))
  }
  const runCheckins = async () => {
    members.reset()
    winners.reset()
    done(await checkins.run({ groupId, from: range.from, to: range.to }))
  }
  const runWinners = async (lotteryId: string) => {
    members.reset()
    checkins.reset()
    setWinnersOf(lotteryId)
    done(await winners.run({ lotteryId, kind: 'winners' }))
  }
  const copy = (exported: ExportFile) => Taro.setClipboardData({ data: linkOf(exported) }).then(() => Taro.showToast({ title: t('exportPage.copied'), icon: 'none' }))

  return (
    <PageShell name="exports-page">
      <View id="export-members-card" className="exports-card">
        <Text className="exports-card__title">{t('exportPage.members')}</Text>
        <Text className="exports-muted">{t('exportPage.membersHint')}</Text>
        <Button id="export-members" type="primary" block loading={members.busy} onClick={runMembers}>
          {t('exportPage.export')}
        </Button>
      </View>

      <View id="export-checkins-card" className="exports-card">
        <Text className="exports-card__title">{t('exportPage.checkins')}</Text>
        <Text className="exports-muted">{t('exportPage.checkinsHint', { max: MAX_EXPORT_RANGE_DAYS })}</Text>
        <View className="exports-range">
          <Picker id="export-from-picker" mode="date" value={range.from} end={range.to} onChange={(e) => setRange((r) => ({ ...r, from: String(e.detail.value) }))}>
            <View id="export-from" className="exports-date">
              <Text className="exports-date__label">{t('exportPage.from')}</Text>
              <Text id="export-from-value" className="exports-date__value">
                {range.from}
              </Text>
              <Text className="exports-date__arrow">›</Text>
            </View>
          </Picker>
          <Picker id="export-to-picker" mode="date" value={range.to} start={range.from} end={today} onChange={(e) => setRange((r) => ({ ...r, to: String(e.detail.value) }))}>
            <View id="export-to" className="exports-date">
              <Text className="exports-date__label">{t('exportPage.to')}</Text>
              <Text id="export-to-value" className="exports-date__value">
                {range.to}
              </Text>
              <Text className="exports-date__arrow">›</Text>
            </View>
          </Picker>
        </View>
        <Button id="export-checkins" type="primary" block loading={checkins.busy} onClick={runCheckins}>
          {t('exportPage.export')}
        </Button>
      </View>

      <View id="export-lotteries-card" className="exports-card">
        <Text className="exports-card__title">{t('exportPage.lotteries')}</Text>
        <Text className="exports-muted">{t('exportPage.lotteriesHint')}</Text>
        {drawn.state.status === 'error' && <Text className="exports-error">{drawn.state.error.message}</Text>}
        {drawn.state.status === 'ready' && drawn.items.length === 0 && (
          <Text id="export-lotteries-none" className="exports-muted">
            {t('exportPage.noLotteries')}
          </Text>
        )}
        {drawn.items.map((lottery) => (
          <View key={lottery.id} id={`export-lottery-${lottery.id}`} className="exports-lottery">
            <View className="exports-lottery__text">
              <Text className="exports-lottery__title">{lottery.title}</Text>
              {lottery.drawnAt && <Text className="exports-muted">{t('exportPage.drawnAt', { time: formatLocal(lottery.drawnAt, drawn.state.status === 'ready' ? drawn.state.data.timezone : DEFAULT_TIMEZONE) })}</Text>}
            </View>
            <Button id={`export-winners-${lottery.id}`} size="small" fill="outline" loading={winners.busy && winnersOf === lottery.id} disabled={winners.busy} onClick={() => runWinners(lottery.id)}>
              {t('exportPage.winners')}
            </Button>
          </View>
        ))}
        <LoadMore id="export-lotteries-more" list={drawn} fill="outline" />
      </View>

      {error !== '' && (
        <Text id="export-error" className="exports-error">
          {error}
        </Text>
      )}

      {file && (
        <View id="export-result" className="exports-card exports-result">
          <Text id="export-file" className="exports-result__file">
            {t('exportPage.ready', { file: file.fileName, rows: file.rows })}
          </Text>
          <Text className="exports-muted">{t('exportPage.expires', { time: formatLocal(file.expiresAt, DEFAULT_TIMEZONE) })}</Text>
          <Text id="export-link" className="exports-link" userSelect>
            {linkOf(file)}
          </Text>
          <View className="exports-result__actions">
            {process.env.TARO_ENV === 'h5' && (
              <Button id="export-download" size="small" type="primary" onClick={() => download(file)}>
                {t('exportPage.download')}
              </Button>
            )}
            <Button id="export-copy" size="small" fill="outline" onClick={() => copy(file)}>
              {t('exportPage.copy')}
            </Button>
          </View>
          <Text className="exports-muted">{t('exportPage.csvNote')}</Text>
        </View>
      )}
    </PageShell>
  )
}
