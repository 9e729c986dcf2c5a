/**
 * Check-in page (pages/checkin/index?id=<groupId>): the member's daily loop — today's task, the check-in
 * form (note, optional photo, link to the task), streak counters and the month calendar, make-up check-ins
 * (补卡) when the group allows them, the daily reminder, and today's feed (who checked in, newest first).
 * Everything comes from the `checkin` function; a check-in or make-up answers what it changed (the check-in,
 * streak, calendar, make-up status), which the page shows in place, and today's check-in joins the top of
 * the feed, so nothing is reloaded.
 */
import { useState } from 'react'
import { Image, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { MAX_NOTE_LENGTH, checkIn, getCheckinOverview, listTodayFeed, makeUpCheckin, setReminder, type CheckinOverview, type CheckinResult, type CheckinView } from '../../../contracts/checkin'
import { SUBSCRIBE_TEMPLATES, configuredTemplateIds } from '../../../contracts/subscribe-templates'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import CheckinCalendar from '../../components/checkin-calendar'
import ErrorState from '../../components/error-state'
import FormField from '../../components/form-field'
import PageShell from '../../components/page-shell'
import PhotoPicker from '../../components/photo-picker'
import LoadMore from '../../components/load-more'
import { useAction } from '../../hooks/use-action'
import { usePageData } from '../../hooks/use-page-data'
import { usePagedAction } from '../../hooks/use-paged-action'
import { clockTime, shortDay } from './utils'
import './index.scss'

export default function CheckinPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getCheckinOverview, { groupId })

  return (
    <PageShell name="checkin-page">
      {state.status === 'loading' && state.first && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="checkin-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <CheckinDay initial={state.data} />}
    </PageShell>
  )
}

/** The day's view: the overview as loaded, then as each check-in or make-up's answer changes it. */
function CheckinDay({ initial }: { initial: CheckinOverview }) {
  const [overview, setOverview] = useState(initial)
  const [added, setAdded] = useState<CheckinView[]>([])
  const onChanged = (result: CheckinResult) => {
    setOverview((current) => ({
      ...current,
      myCheckin: result.checkin.day === current.today ? result.checkin : current.myCheckin,
      streak: result.streak,
      calendar: result.calendar,
      makeUp: result.makeUp ?? current.makeUp,
    }))
    if (result.created && result.checkin.day === overview.today) setAdded((list) => [result.checkin, ...list])
  }
  const task = overview.todayTask
  return (
    <View id="checkin-day">
      <View className="checkin-card">
        <Text id="checkin-group-name" className="checkin-card__group">
          {overview.groupName}
        </Text>
        <Text id="today-task-heading" className="checkin-card__label">
          {t('checkin.todayTask', { day: overview.today })}
        </Text>
        {task ? (
          <View id="today-task">
            <Text id="today-task-title" className="checkin-card__title">
              {task.title}
            </Text>
            <Text className="checkin-card__body">{task.body}</Text>
          </View>
        ) : (
          <Text id="today-task-none" className="checkin-card__body">
            {t('checkin.noTask')}
          </Text>
        )}
      </View>

      {overview.myCheckin ? (
        <MyCheckin checkin={overview.myCheckin} timezone={overview.timezone} />
      ) : (
        <CheckinForm overview={overview} onDone={onChanged} />
      )}

      <View id="streak" className="checkin-stats">
        <View className="checkin-stats__item">
          <Text id="streak-current" className="checkin-stats__value">
            {t('checkin.streak', { count: overview.streak.current })}
          </Text>
        </View>
        <View className="checkin-stats__item">
          <Text id="streak-longest">{t('checkin.longest', { count: overview.streak.longest })}</Text>
        </View>
        <View className="checkin-stats__item">
          <Text id="streak-total">{t('checkin.total', { count: overview.streak.total })}</Text>
        </View>
      </View>

      <CheckinCalendar month={overview.calendar.month} days={overview.calendar.days} today={overview.today} />

      {overview.makeUp.policy.enabled && <MakeUp overview={overview} onDone={onChanged} />}

      <Reminder overview={overview} />

      <Feed groupId={overview.groupId} added={added} />
    </View>
  )
}

function MyCheckin({ checkin, timezone }: { checkin: CheckinView; timezone: string }) {
  const src = checkin.photoUrl
  return (
    <View id="checkin-done" className="checkin-done">
      <Text className="checkin-done__title">{t('checkin.doneAt', { time: clockTime(checkin.checkedInAt, timezone) })}</Text>
      {checkin.note !== '' && <Text id="checkin-done-note" className="checkin-done__note">{checkin.note}</Text>}
      {src && <Image className="checkin-photo" src={src} mode="aspectFill" />}
    </View>
  )
}

function CheckinForm({ overview, onDone }: { overview: CheckinOverview; onDone: (result: CheckinResult) => void }) {
  const [note, setNote] = useState('')
  const [linkTask, setLinkTask] = useState(true)
  const [photoFileId, setPhotoFileId] = useState<string | null>(null)
  const check = useAction(checkIn)

  const submit = async () => {
    // Link the task only when there is one to link: otherwise the server need not look for it.
    const result = await check.run({ groupId: overview.groupId, note, linkTask: linkTask && overview.todayTask !== null, ...(photoFileId ? { photoFileId } : {}) })
    if (result) onDone(result)
  }

  return (
    <View id="checkin-form" className="checkin-form">
      <FormField
        id="checkin-note"
        multiline
        controlClassName="checkin-form__note"
        value={note}
        maxLength={MAX_NOTE_LENGTH}
        placeholder={t('checkin.notePlaceholder')}
        onInput={setNote}
      />
      {overview.todayTask && (
        <View className="checkin-form__row">
          <Text>{t('checkin.linkTask')}</Text>
          <Switch id="checkin-link-task" checked={linkTask} color="#07c160" onChange={(e) => setLinkTask(e.detail.value)} />
        </View>
      )}
      <PhotoPicker groupId={overview.groupId} pathPrefix={overview.photoPathPrefix} value={photoFileId} onChange={setPhotoFileId} />
      {check.error !== '' && (
        <Text id="checkin-form-error" className="form-error">
          {check.error}
        </Text>
      )}
      <Button id="checkin-button" type="primary" block loading={check.busy} onClick={submit}>
        {t('checkin.button')}
      </Button>
    </View>
  )
}

function MakeUp({ overview, onDone }: { overview: CheckinOverview; onDone: (result: CheckinResult) => void }) {
  const makeUp = useAction(makeUpCheckin)
  const [busyDay, setBusyDay] = useState('')
  const fill = async (day: string) => {
    if (makeUp.busy) return
    // A make-up spends one of the month's few: ask first.
    const answer = await Taro.showModal({ title: t('checkin.confirmMakeUp', { day: shortDay(day), left: overview.makeUp.left }), content: '' })
    if (!answer.confirm) return
    setBusyDay(day)
    const done = await makeUp.run({ groupId: overview.groupId, day })
    setBusyDay('')
    if (!done) return
    Taro.showToast({ title: t('checkin.makeUpDone', { day: shortDay(day) }), icon: 'none' })
    onDone(done)
  }
  return (
    <View id="makeup" className="checkin-section">
      <Text className="checkin-section__title">{t('checkin.makeUpTitle', { left: overview.makeUp.left })}</Text>
      <View className="checkin-makeup__days">
        {overview.makeUp.candidates.map((day) => (
          <Button key={day} id={`makeup-${day}`} size="small" fill="outline" loading={makeUp.busy && busyDay === day} onClick={() => fill(day)}>
            {t('checkin.makeUpButton', { day: shortDay(day) })}
          </Button>
        ))}
      </View>
      {makeUp.error !== '' && <Text className="form-error">{makeUp.error}</Text>}
    </View>
  )
}

function Reminder({ overview }: { overview: CheckinOverview }) {
  const [enabled, setEnabled] = useState(overview.reminder.enabled)
  const [time, setTime] = useState(overview.reminder.time)

  const save = async (nextEnabled: boolean, nextTime: string) => {
    setEnabled(nextEnabled)
    setTime(nextTime)
    // WeChat subscribe messages need the member's consent, asked at a tap. Declining is fine: the
    // reminder still arrives in the in-app inbox.
    const tmplIds = configuredTemplateIds(SUBSCRIBE_TEMPLATES, ['checkinReminder'])
    if (nextEnabled && process.env.TARO_ENV === 'weapp' && tmplIds.length > 0) {
      await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] }).catch(() => undefined)
    }
    try {
      await callAction(setReminder, { groupId: overview.groupId, enabled: nextEnabled, time: nextTime })
      Taro.showToast({ title: t('checkin.reminderSaved'), icon: 'none' })
    } catch (failure) {
      setEnabled(!nextEnabled)
      Taro.showToast({ title: errorMessage(failure), icon: 'none' })
    }
  }

  return (
    <View id="reminder" className="checkin-section checkin-form__row">
      <Picker mode="time" value={time} onChange={(e) => save(enabled, String(e.detail.value))}>
        <Text id="reminder-time">{t('checkin.reminderOn', { time })}</Text>
      </Picker>
      <Switch id="reminder-switch" checked={enabled} color="#07c160" onChange={(e) => save(e.detail.value, time)} />
    </View>
  )
}

/** Today's feed, with the viewer's own check-ins made since it loaded (`added`) on top. */
function Feed({ groupId, added }: { groupId: string; added: CheckinView[] }) {
  const pages = usePagedAction(listTodayFeed, { groupId })
  const { state } = pages

  if (state.status !== 'ready') return null
  const feed = state.data
  const fresh = added.filter((item) => !pages.items.some((loaded) => loaded.id === item.id))
  const items = [...fresh, ...pages.items]
  return (
    <View id="today-feed" className="checkin-section">
      <Text id="feed-count" className="checkin-section__title">
        {t('checkin.feedTitle', { count: feed.checkedInCount + fresh.length, total: feed.memberCount })}
      </Text>
      {items.length === 0 && <Text className="checkin-feed__empty">{t('checkin.feedEmpty')}</Text>}
      {items.map((item) => {
        const src = item.photoUrl
        return (
          <View key={item.id} id={`feed-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`} className="checkin-feed__item">
            <View className="checkin-feed__head">
              <Text className="checkin-feed__name">{item.authorName}</Text>
              <Text className="checkin-feed__time">{clockTime(item.checkedInAt, feed.timezone)}</Text>
            </View>
            {item.note !== '' && <Text className="checkin-feed__note">{item.note}</Text>}
            {src && <Image className="checkin-photo" src={src} mode="aspectFill" />}
            {item.taskTitle && (
              <Tag type="default">
                <Text>{item.taskTitle}</Text>
              </Tag>
            )}
          </View>
        )
      })}
      <LoadMore id="feed-more" list={pages} />
    </View>
  )
}
