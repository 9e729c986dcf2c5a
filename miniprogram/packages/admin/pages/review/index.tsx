/**
 * Review queue (packages/admin/pages/review/index?id=<groupId>), admins only (the function refuses others with
 * FORBIDDEN): pending applications as cards, oldest or newest first, 20 at a time with 加载更多;
 * approve, reject with a reason (reusable templates), or select several and decide them in one go —
 * the result of each is shown (approved / already decided / group full …). Phones are masked; 查看完整号码
 * loads the admin-only detail view for one card. The 已处理 tab lists decided applications, manual and automatic
 * (components/decided-list); 待补充 the ones whose applicant was asked a question (需补充) and has not answered.
 */
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { MAX_FOLLOW_UP_QUESTION, askApplicant, decideApplication, decideApplications, getApplication, listApplications } from '../../../../../contracts/admission'
import { MAX_REASON_LENGTH } from '../../../../../contracts/fields'
import { t } from '../../../../../i18n/strings'
import ApplicationCard from '../../../../components/application-card'
import DecidedList from '../../../../components/decided-list'
import { askForSubscriptions } from '../../../../api/subscribe'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import { useAction } from '../../../../hooks/use-action'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import './index.scss'

type Order = 'oldest' | 'newest'
/** Whose rejection the reason panel is for: one card's id, or the selection. */
type RejectTarget = { kind: 'one'; id: string } | { kind: 'selected' } | null

export default function ReviewPage() {
  const groupId = useRouter().params.id ?? ''
  const [order, setOrder] = useState<Order>('oldest')
  const [tab, setTab] = useState<'queue' | 'waiting' | 'history'>('queue')
  const queue = usePagedAction(listApplications, { groupId, order, status: tab === 'waiting' ? 'needsInfo' : 'pending' })
  const { state: loaded, reload } = queue
  const decideOne = useAction(decideApplication)
  const decideMany = useAction(decideApplications)
  const reveal = useAction(getApplication)
  const [selected, setSelected] = useState<string[]>([])
  const [results, setResults] = useState<string[]>([])
  const [rejectTarget, setRejectTarget] = useState<RejectTarget>(null)
  const [reason, setReason] = useState('')
  const [fullPhones, setFullPhones] = useState<Record<string, string | null>>({})
  const ask = useAction(askApplicant)
  const [askTarget, setAskTarget] = useState<string | null>(null)
  const [question, setQuestion] = useState('')
  const busy = decideOne.busy || decideMany.busy || ask.busy
  const failure = decideOne.error || decideMany.error || reveal.error || ask.error
  const messages = failure ? [failure] : results

  // A new queue (another order, another persona) starts with nothing selected.
  useEffect(() => {
    if (loaded.status === 'loading') setSelected([])
  }, [loaded.status])

  async function revealPhone(id: string) {
    decideOne.reset()
    decideMany.reset()
    const detail = await reveal.run({ groupId, applicationId: id })
    if (detail) setFullPhones((phones) => ({ ...phones, [id]: detail.phone }))
  }

  /** Several at once only after saying so: 「通过选中的 N 份申请？」. */
  async function confirmBatchApprove() {
    const answer = await Taro.showModal({ title: t('review.confirmBatchApprove', { count: selected.length }), content: '' })
    if (answer.confirm) await decide(selected, 'approve', '')
  }

  async function decide(ids: string[], decision: 'approve' | 'reject', why: string) {
    // The hourly 新申请 digest reaches an admin's WeChat only with their consent, one message per consent:
    // asked at each decision tap (not awaited, so the decision does not wait on the dialog).
    void askForSubscriptions(['applicationDigest'])
    setResults([])
    for (const action of [decideOne, decideMany, reveal]) action.reset()
    if (ids.length === 1) {
      const result = await decideOne.run({ groupId, applicationId: ids[0], decision, reason: why })
      if (result) setResults([result.message])
    } else {
      const batch = await decideMany.run({ groupId, applicationIds: ids, decision, reason: why })
      if (batch) setResults(batch.results.map((r) => r.message))
    }
    setSelected([])
    setRejectTarget(null)
    setReason('')
    reload()
  }

  /** 需补充: the question goes to the applicant; the application leaves the queue until they answer. */
  async function sendQuestion(id: string) {
    setResults([])
    for (const action of [decideOne, decideMany, reveal]) action.reset()
    const result = await ask.run({ groupId, applicationId: id, question })
    if (result) {
      setResults([result.message])
      setAskTarget(null)
      setQuestion('')
      reload()
    }
  }

  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  return (
    <PageShell name="review-page">
      <View className="review-tabs">
        <Button id="tab-queue" size="small" type={tab === 'queue' ? 'primary' : 'default'} onClick={() => setTab('queue')}>
          {t('review.tabQueue')}
        </Button>
        <Button id="tab-waiting" size="small" type={tab === 'waiting' ? 'primary' : 'default'} onClick={() => setTab('waiting')}>
          {t('review.tabWaiting')}
        </Button>
        <Button id="tab-history" size="small" type={tab === 'history' ? 'primary' : 'default'} onClick={() => setTab('history')}>
          {t('review.tabHistory')}
        </Button>
      </View>
      {tab === 'history' && <DecidedList groupId={groupId} />}
      {tab !== 'history' && loaded.status === 'loading' && <Skeleton rows={8} animated />}
      {tab !== 'history' && loaded.status === 'error' && <ErrorState id="review-error" message={loaded.error.message} onRetry={reload} />}
      {tab !== 'history' && loaded.status === 'ready' && (
        <View id="review-queue">
          <View className="review-toolbar">
            <Text id="review-summary" className="review-toolbar__summary">
              {tab === 'waiting' ? t('review.waiting', { count: loaded.data.total }) : t('review.pending', { count: loaded.data.total, seats: loaded.data.seatsLeft })}
            </Text>
            <View className="review-toolbar__order">
              <Button id="order-oldest" size="mini" type={order === 'oldest' ? 'primary' : 'default'} onClick={() => setOrder('oldest')}>
                {t('review.oldest')}
              </Button>
              <Button id="order-newest" size="mini" type={order === 'newest' ? 'primary' : 'default'} onClick={() => setOrder('newest')}>
                {t('review.newest')}
              </Button>
            </View>
          </View>

          {messages.length > 0 && (
            <View id="review-message" className="review-message">
              {messages.map((message, index) => (
                <Text key={index} className="review-message__line">
                  {message}
                </Text>
              ))}
            </View>
          )}

          {queue.items.length === 0 ? (
            <View id="review-empty">
              <Empty image={<View className="empty-illustration" />} imageSize={72} description={tab === 'waiting' ? t('review.waitingEmpty') : t('review.empty')} />
            </View>
          ) : (
            <View className="review-toolbar">
              <Button id="select-all" size="mini" onClick={() => setSelected(selected.length === queue.items.length ? [] : queue.items.map((c) => c.id))}>
                {t('review.selectAll')}
              </Button>
            </View>
          )}

          {queue.items.map((card, index) => (
            <ApplicationCard
              key={card.id}
              card={card}
              timezone={loaded.data.timezone}
              index={index}
              selected={selected.includes(card.id)}
              busy={busy}
              onToggle={() => toggle(card.id)}
              onApprove={() => decide([card.id], 'approve', '')}
              onReject={() => {
                setAskTarget(null)
                setRejectTarget({ kind: 'one', id: card.id })
              }}
              onAsk={() => {
                setRejectTarget(null)
                setAskTarget(card.id)
              }}
              fullPhone={fullPhones[card.id]}
              onRevealPhone={() => revealPhone(card.id)}
            />
          ))}

          <LoadMore id="review-load-more" list={queue} label={t('review.loadMore')} fill="outline" />

          {rejectTarget && (
            <View id="reject-panel" className="review-panel">
              <Text className="review-panel__title">{t('review.reasonTitle')}</Text>
              <View className="review-panel__templates">
                {loaded.data.reasonTemplates.map((template, index) => (
                  <Button key={index} id={`reason-template-${index}`} size="small" type={reason === template ? 'primary' : 'default'} onClick={() => setReason(template)}>
                    {template}
                  </Button>
                ))}
              </View>
              <Input
                id="reject-reason"
                className="review-panel__input"
                value={reason}
                maxlength={MAX_REASON_LENGTH}
                placeholder={t('review.reasonPlaceholder')}
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className="review-panel__actions">
                <Button id="reject-cancel" size="small" onClick={() => setRejectTarget(null)}>
                  {t('review.cancel')}
                </Button>
                {/* A rejection says why, or says explicitly that it does not. */}
                <Button id="reject-no-reason" size="small" fill="outline" disabled={busy} onClick={() => decide(rejectTarget.kind === 'one' ? [rejectTarget.id] : selected, 'reject', '')}>
                  {t('review.noReason')}
                </Button>
                <Button
                  id="reject-confirm"
                  size="small"
                  type="danger"
                  loading={busy}
                  disabled={reason.trim() === ''}
                  onClick={() => decide(rejectTarget.kind === 'one' ? [rejectTarget.id] : selected, 'reject', reason)}
                >
                  {t('review.confirmReject')}
                </Button>
              </View>
              {reason.trim() === '' && <Text id="reject-hint" className="review-panel__hint">{t('review.reasonNeeded')}</Text>}
            </View>
          )}

          {askTarget && (
            <View id="ask-panel" className="review-panel">
              <Text className="review-panel__title">{t('review.askTitle')}</Text>
              <Input
                id="ask-question"
                className="review-panel__input"
                value={question}
                maxlength={MAX_FOLLOW_UP_QUESTION}
                placeholder={t('review.askPlaceholder')}
                onInput={(e) => setQuestion(e.detail.value)}
              />
              <View className="review-panel__actions">
                <Button id="ask-cancel" size="small" onClick={() => setAskTarget(null)}>
                  {t('review.cancel')}
                </Button>
                <Button id="ask-send" size="small" type="primary" loading={ask.busy} disabled={question.trim() === ''} onClick={() => sendQuestion(askTarget)}>
                  {t('review.askSend')}
                </Button>
              </View>
            </View>
          )}

          {selected.length > 0 && !rejectTarget && !askTarget && (
            <View id="batch-bar" className="review-batch">
              <Text className="review-batch__count">{t('review.selected', { count: selected.length })}</Text>
              <Button id="batch-reject" size="small" type="danger" fill="outline" disabled={busy} onClick={() => setRejectTarget({ kind: 'selected' })}>
                {t('review.batchReject')}
              </Button>
              <Button id="batch-approve" size="small" type="primary" disabled={busy} onClick={() => void confirmBatchApprove()}>
                {t('review.batchApprove')}
              </Button>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}
