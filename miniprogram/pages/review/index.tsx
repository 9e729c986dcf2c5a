/**
 * Review queue (pages/review/index?id=<groupId>), admins only (the function refuses others with
 * FORBIDDEN): pending applications as cards, oldest or newest first, 20 at a time with 加载更多;
 * approve, reject with a reason (reusable templates), or select several and decide them in one go —
 * the result of each is shown (approved / already decided / group full …). Phones are masked; 查看完整号码
 * loads the admin-only detail view for one card.
 */
import { useCallback, useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { decideApplication, decideApplications, getApplication, listApplications, type ApplicationCard as Card, type ReviewQueuePage } from '../../../contracts/admission'
import { t } from '../../../i18n/strings'
import { ApiError, callAction, errorMessage } from '../../api/client'
import ApplicationCard from '../../components/application-card'
import ErrorState from '../../components/error-state'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'

type Order = 'oldest' | 'newest'
type Loaded = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; page: ReviewQueuePage; items: Card[] }
/** Whose rejection the reason panel is for: one card's id, or the selection. */
type RejectTarget = { kind: 'one'; id: string } | { kind: 'selected' } | null

export default function ReviewPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const [order, setOrder] = useState<Order>('oldest')
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [selected, setSelected] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [messages, setMessages] = useState<string[]>([])
  const [rejectTarget, setRejectTarget] = useState<RejectTarget>(null)
  const [reason, setReason] = useState('')
  const [fullPhones, setFullPhones] = useState<Record<string, string | null>>({})

  async function revealPhone(id: string) {
    try {
      const detail = await callAction(getApplication, { groupId, applicationId: id })
      setFullPhones((phones) => ({ ...phones, [id]: detail.phone }))
    } catch (error) {
      setMessages([errorMessage(error)])
    }
  }

  const load = useCallback(
    async (cursor: number) => {
      try {
        const page = await callAction(listApplications, { groupId, order, cursor })
        setLoaded((current) => ({
          status: 'ready',
          page,
          items: cursor > 0 && current.status === 'ready' ? [...current.items, ...page.items] : page.items,
        }))
      } catch (error) {
        setLoaded({ status: 'error', error: error instanceof ApiError ? error : new ApiError('INTERNAL', t('error.INTERNAL')) })
      }
    },
    [groupId, order],
  )

  useEffect(() => {
    setLoaded({ status: 'loading' })
    setSelected([])
    load(0)
  }, [load, personaKey])

  async function decide(ids: string[], decision: 'approve' | 'reject', why: string) {
    setBusy(true)
    setMessages([])
    try {
      if (ids.length === 1) {
        const result = await callAction(decideApplication, { groupId, applicationId: ids[0], decision, reason: why })
        setMessages([result.message])
      } else {
        const batch = await callAction(decideApplications, { groupId, applicationIds: ids, decision, reason: why })
        setMessages(batch.results.map((r) => r.message))
      }
    } catch (error) {
      setMessages([errorMessage(error)])
    } finally {
      setBusy(false)
      setSelected([])
      setRejectTarget(null)
      setReason('')
      load(0)
    }
  }

  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  return (
    <View className="page review-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {loaded.status === 'loading' && <Skeleton rows={8} animated />}
      {loaded.status === 'error' && <ErrorState id="review-error" message={loaded.error.message} onRetry={() => load(0)} />}
      {loaded.status === 'ready' && (
        <View id="review-queue">
          <View className="review-toolbar">
            <Text id="review-summary" className="review-toolbar__summary">
              {t('review.pending', { count: loaded.page.total, seats: loaded.page.seatsLeft })}
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

          {loaded.items.length === 0 ? (
            <View id="review-empty">
              <Empty image={<View className="empty-illustration" />} imageSize={72} description={t('review.empty')} />
            </View>
          ) : (
            <View className="review-toolbar">
              <Button id="select-all" size="mini" onClick={() => setSelected(selected.length === loaded.items.length ? [] : loaded.items.map((c) => c.id))}>
                {t('review.selectAll')}
              </Button>
            </View>
          )}

          {loaded.items.map((card, index) => (
            <ApplicationCard
              key={card.id}
              card={card}
              timezone={loaded.page.timezone}
              index={index}
              selected={selected.includes(card.id)}
              busy={busy}
              onToggle={() => toggle(card.id)}
              onApprove={() => decide([card.id], 'approve', '')}
              onReject={() => setRejectTarget({ kind: 'one', id: card.id })}
              fullPhone={fullPhones[card.id]}
              onRevealPhone={() => revealPhone(card.id)}
            />
          ))}

          {loaded.page.next !== null && (
            <Button id="review-load-more" block fill="outline" onClick={() => load(loaded.page.next ?? 0)}>
              {t('review.loadMore')}
            </Button>
          )}

          {rejectTarget && (
            <View id="reject-panel" className="review-panel">
              <Text className="review-panel__title">{t('review.reasonTitle')}</Text>
              <View className="review-panel__templates">
                {loaded.page.reasonTemplates.map((template, index) => (
                  <Button key={index} id={`reason-template-${index}`} size="small" type={reason === template ? 'primary' : 'default'} onClick={() => setReason(template)}>
                    {template}
                  </Button>
                ))}
              </View>
              <Input
                id="reject-reason"
                className="review-panel__input"
                value={reason}
                maxlength={100}
                placeholder={t('review.reasonPlaceholder')}
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className="review-panel__actions">
                <Button id="reject-cancel" size="small" onClick={() => setRejectTarget(null)}>
                  {t('review.cancel')}
                </Button>
                <Button
                  id="reject-confirm"
                  size="small"
                  type="danger"
                  loading={busy}
                  onClick={() => decide(rejectTarget.kind === 'one' ? [rejectTarget.id] : selected, 'reject', reason)}
                >
                  {t('review.confirmReject')}
                </Button>
              </View>
            </View>
          )}

          {selected.length > 0 && !rejectTarget && (
            <View id="batch-bar" className="review-batch">
              <Text className="review-batch__count">{t('review.selected', { count: selected.length })}</Text>
              <Button id="batch-reject" size="small" type="danger" fill="outline" disabled={busy} onClick={() => setRejectTarget({ kind: 'selected' })}>
                {t('review.batchReject')}
              </Button>
              <Button id="batch-approve" size="small" type="primary" disabled={busy} onClick={() => decide(selected, 'approve', '')}>
                {t('review.batchApprove')}
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
