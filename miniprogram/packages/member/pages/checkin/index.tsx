/**
 * Check-in page (packages/member/pages/checkin/index?id=<groupId>): the member's daily loop — today's task, the check-in
 * form (note, optional photo, link to the task), streak counters and the month calendar, make-up check-ins
 * (补卡) when the group allows them, the daily reminder, and a day's feed (who checked in, newest first; back
 * through past days). The calendar changes month (‹ ›) and a tapped day shows that day's own entry and that
 * day's feed; photos open full screen; members like (点赞) entries; the member edits today's note or adds a
 * photo. Everything comes from the `checkin` function; a check-in, make-up or edit answers what it changed,
 * which the page shows in place (a new check-in with the 「打卡成功」 moment and the new streak), so nothing
 * is reloaded.
 */
import { useState } from 'react'
import { Image, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import {
  MAX_NOTE_LENGTH,
  checkIn,
  editCheckin,
  getCheckinCalendar,
  getCheckinOverview,
  likeCheckin,
  listTodayFeed,
  makeUpCheckin,
  setReminder,
  type CalendarMonthEntries,
  type CheckinOverview,
  type CheckinResult,
  type CheckinView,
  type LikeSummary,
} from '../../../../../contracts/checkin'
import { t } from '../../../../../i18n/strings'
import { callAction, errorMessage } from '../../../../api/client'
import { askForSubscriptions } from '../../../../api/subscribe'
import CheckinCalendar from '../../../../components/checkin-calendar'
import { monthOfDayKey as monthOf, shiftDayKey as shiftDay } from '../../../../components/checkin-calendar/utils'
import CheckinEntry from '../../../../components/checkin-entry'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import PhotoPicker from '../../../../components/photo-picker'
import LoadMore from '../../../../components/load-more'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { previewImage } from '../../../../platform/preview-image'
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

/** The day's view: the overview as loaded, then as each check-in, make-up or edit's answer changes it. */
function CheckinDay({ initial }: { initial: CheckinOverview }) {
  const [overview, setOverview] = useState(initial)
  const [added, setAdded] = useState<CheckinView[]>([])
  const [success, setSuccess] = useState<CheckinResult['streak'] | null>(null)
  // The calendar being looked at, the months fetched (with each day's entry), the tapped day, the feed's day.
  const [month, setMonth] = useState(initial.calendar.month)
  const [months, setMonths] = useState<Record<string, CalendarMonthEntries>>({})
  const [monthLoading, setMonthLoading] = useState(false)
  const [selected, setSelected] = useState<string | null>(null)
  const [feedDay, setFeedDay] = useState(initial.today)

  const loadMonth = async (wanted: string) => {
    setMonthLoading(true)
    try {
      const loaded = await callAction(getCheckinCalendar, { groupId: overview.groupId, month: wanted })
      setMonths((current) => ({ ...current, [wanted]: loaded }))
    } catch (failure) {
      Taro.showToast({ title: errorMessage(failure), icon: 'none' })
    } finally {
      setMonthLoading(false)
    }
  }
  /** Forget this month's entries (a check-in, make-up or edit changed them): the next tap fetches them again. */
  const forgetMonth = (key: string) =>
    setMonths((current) => {
      const { [key]: _gone, ...rest } = current
      return rest
    })

  const onChanged = (result: CheckinResult) => {
    setOverview((current) => ({
      ...current,
      myCheckin: result.checkin.day === current.today ? result.checkin : current.myCheckin,
      streak: result.streak,
      calendar: result.calendar,
      makeUp: result.makeUp ?? current.makeUp,
    }))
    forgetMonth(result.calendar.month)
    if (result.created && result.checkin.day === overview.today) {
      setAdded((list) => [result.checkin, ...list])
      if (!result.checkin.makeUp) setSuccess(result.streak)
    }
  }
  const onEdited = (view: CheckinView) => {
    setOverview((current) => ({ ...current, myCheckin: view }))
    setAdded((list) => list.map((item) => (item.id === view.id ? view : item)))
    forgetMonth(monthOf(view.day))
  }
  const showMonth = (wanted: string) => {
    setMonth(wanted)
    setSelected(null)
    if (wanted !== overview.calendar.month && !months[wanted]) void loadMonth(wanted)
  }
  const selectDay = (day: string) => {
    setSelected(day)
    setFeedDay(day)
    if (!months[monthOf(day)] && !(day === overview.today && overview.myCheckin)) void loadMonth(monthOf(day))
  }

  const shownDays = month === overview.calendar.month ? overview.calendar.days : (months[month]?.days ?? [])
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
        <MyCheckin overview={overview} checkin={overview.myCheckin} onEdited={onEdited} />
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

      <CheckinCalendar
        month={month}
        days={shownDays}
        today={overview.today}
        selected={selected}
        onSelect={selectDay}
        onMonth={showMonth}
        loading={monthLoading}
      />

      {selected && <DayEntry day={selected} overview={overview} months={months} loading={monthLoading} />}

      {overview.makeUp.policy.enabled && <MakeUp overview={overview} onDone={onChanged} />}

      <Reminder overview={overview} />

      <Feed groupId={overview.groupId} today={overview.today} day={feedDay} onDay={setFeedDay} added={added} />

      {success && <CheckinSuccess streak={success} onClose={() => setSuccess(null)} />}
    </View>
  )
}

/** The 「打卡成功」 moment: the new streak, over the page until tapped. */
function CheckinSuccess({ streak, onClose }: { streak: CheckinResult['streak']; onClose: () => void }) {
  return (
    <View id="checkin-success" className="checkin-success" onClick={onClose}>
      <View className="checkin-success__card">
        <Text className="checkin-success__icon">✓</Text>
        <Text id="checkin-success-title" className="checkin-success__title">
          {t('checkin.successTitle')}
        </Text>
        <Text id="checkin-success-streak" className="checkin-success__streak">
          {t('checkin.successStreak', { count: streak.current })}
        </Text>
        <Text className="checkin-success__total">{t('checkin.successTotal', { count: streak.total })}</Text>
        <Button id="checkin-success-close" type="primary" block onClick={onClose}>
          {t('checkin.successClose')}
        </Button>
      </View>
    </View>
  )
}

/** The tapped day's own entry: from the month fetched with its entries (today's from the overview). */
function DayEntry({ day, overview, months, loading }: { day: string; overview: CheckinOverview; months: Record<string, CalendarMonthEntries>; loading: boolean }) {
  const fetched = months[monthOf(day)]
  const entry = day === overview.today && overview.myCheckin ? overview.myCheckin : (fetched?.entries.find((item) => item.day === day) ?? null)
  return (
    <View id="day-entry" className="checkin-section" data-day={day}>
      <Text className="checkin-section__title">{t('checkin.dayEntryTitle', { day: shortDay(day) })}</Text>
      {entry ? (
        <CheckinEntry entry={entry} timezone={overview.timezone} heading="" idPrefix="day-entry-item" />
      ) : (
        <Text id="day-entry-none" className="checkin-feed__empty">
          {!fetched && loading ? t('checkin.dayEntryLoading') : t('checkin.dayEntryNone')}
        </Text>
      )}
    </View>
  )
}

function MyCheckin({ overview, checkin, onEdited }: { overview: CheckinOverview; checkin: CheckinView; onEdited: (view: CheckinView) => void }) {
  const src = checkin.photoUrl
  const [editing, setEditing] = useState(false)
  const [note, setNote] = useState(checkin.note)
  const edit = useAction(editCheckin)
  const save = async (input: { note?: string; photoFileId?: string }) => {
    const view = await edit.run({ groupId: overview.groupId, ...input })
    if (!view) return
    onEdited(view)
    setEditing(false)
    Taro.showToast({ title: t('checkin.editSaved'), icon: 'none' })
  }
  return (
    <View id="checkin-done" className="checkin-done">
      <View className="checkin-done__head">
        <Text className="checkin-done__title">{t('checkin.doneAt', { time: clockTime(checkin.checkedInAt, overview.timezone) })}</Text>
        {checkin.editedAt && (
          <Text id="checkin-done-edited" className="checkin-done__edited">
            {t('checkin.edited')}
          </Text>
        )}
      </View>
      {editing ? (
        <View id="checkin-edit">
          <FormField id="checkin-edit-note" multiline controlClassName="checkin-form__note" value={note} maxLength={MAX_NOTE_LENGTH} placeholder={t('checkin.notePlaceholder')} onInput={setNote} />
          <View className="checkin-done__actions">
            <Button id="checkin-edit-cancel" fill="outline" onClick={() => (setEditing(false), setNote(checkin.note), edit.reset())}>
              {t('checkin.editCancel')}
            </Button>
            <Button id="checkin-edit-save" type="primary" loading={edit.busy} onClick={() => save({ note })}>
              {t('checkin.editSave')}
            </Button>
          </View>
        </View>
      ) : (
        <View className="checkin-done__body">
          {checkin.note !== '' && (
            <Text id="checkin-done-note" className="checkin-done__note">
              {checkin.note}
            </Text>
          )}
          <Button id="checkin-edit" size="small" fill="outline" onClick={() => (setNote(checkin.note), setEditing(true))}>
            {t('checkin.editNote')}
          </Button>
        </View>
      )}
      {src ? (
        <Image id="checkin-done-photo" className="checkin-photo" src={src} mode="aspectFill" onClick={() => previewImage({ current: src, urls: [src] })} />
      ) : (
        <PhotoPicker groupId={overview.groupId} pathPrefix={overview.photoPathPrefix} value={null} addLabel={t('checkin.addPhoto')} onChange={(id) => (id ? void save({ photoFileId: id }) : undefined)} />
      )}
      {edit.error !== '' && (
        <Text id="checkin-edit-error" className="form-error">
          {edit.error}
        </Text>
      )}
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
      {overview.makeUp.candidates.length === 0 && (
        <Text id="makeup-none" className="checkin-feed__empty">
          {overview.makeUp.left > 0 ? t('checkin.makeUpNone', { window: overview.makeUp.policy.windowDays }) : t('checkin.makeUpNoneLeft')}
        </Text>
      )}
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
    // WeChat subscribe messages need the member's consent, asked at a tap: the daily reminder, and the nudge an
    // admin may send after days without a check-in. Declining is fine: both still arrive in the in-app inbox.
    if (nextEnabled) await askForSubscriptions(['checkinReminder', 'inactivityNudge'])
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

/** A day's feed (today's by default; back through past days), with the viewer's own check-ins made since it loaded (`added`) on top of today's. */
function Feed({ groupId, today, day, onDay, added }: { groupId: string; today: string; day: string; onDay: (day: string) => void; added: CheckinView[] }) {
  const pages = usePagedAction(listTodayFeed, day === today ? { groupId } : { groupId, day })
  const { state } = pages
  const [likes, setLikes] = useState<Record<string, LikeSummary>>({})
  const [liking, setLiking] = useState<string | null>(null)

  const like = async (item: CheckinView) => {
    const current = likes[item.id] ?? item.likes ?? { count: 0, mine: false, names: [] }
    setLiking(item.id)
    try {
      const next = await callAction(likeCheckin, { groupId, checkinId: item.id, liked: !current.mine, knownCount: current.count })
      setLikes((all) => ({ ...all, [item.id]: next }))
    } catch (failure) {
      Taro.showToast({ title: errorMessage(failure), icon: 'none' })
    } finally {
      setLiking(null)
    }
  }

  const isToday = day === today
  const nav = (
    <View className="checkin-feed__nav">
      <View id="feed-prev-day" className="checkin-feed__step" onClick={() => onDay(shiftDay(day, -1))}>
        <Text>‹ {t('checkin.prevDay')}</Text>
      </View>
      {!isToday && (
        <View id="feed-today" className="checkin-feed__step" onClick={() => onDay(today)}>
          <Text>{t('checkin.backToToday')}</Text>
        </View>
      )}
      <View id="feed-next-day" className={`checkin-feed__step${isToday ? ' is-disabled' : ''}`} onClick={() => (isToday ? undefined : onDay(shiftDay(day, 1)))}>
        <Text>{t('checkin.nextDay')} ›</Text>
      </View>
    </View>
  )
  if (state.status !== 'ready') {
    return (
      <View id="today-feed" className="checkin-section" data-day={day}>
        {nav}
        {state.status === 'error' && <Text className="form-error">{state.error.message}</Text>}
      </View>
    )
  }
  const feed = state.data
  const fresh = isToday ? added.filter((item) => !pages.items.some((loaded) => loaded.id === item.id)) : []
  const items = [...fresh.map((item) => ({ ...item, likes: item.likes ?? { count: 0, mine: false, names: [] } })), ...pages.items]
  const photos = items.map((item) => item.photoUrl)
  return (
    <View id="today-feed" className="checkin-section" data-day={day}>
      <Text id="feed-count" className="checkin-section__title">
        {isToday ? t('checkin.feedTitle', { count: feed.checkedInCount + fresh.length, total: feed.memberCount }) : t('checkin.dayFeedTitle', { day: shortDay(day), count: feed.checkedInCount })}
      </Text>
      {nav}
      {items.length === 0 && <Text className="checkin-feed__empty">{isToday ? t('checkin.feedEmpty') : t('checkin.dayFeedEmpty')}</Text>}
      {items.map((item) => {
        const key = `feed-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`
        return (
          <CheckinEntry
            key={item.id}
            idPrefix={key}
            entry={item}
            timezone={feed.timezone}
            heading={item.authorName}
            likes={likes[item.id]}
            liking={liking === item.id}
            onLike={() => like(item)}
            photoUrls={photos}
          />
        )
      })}
      <LoadMore id="feed-more" list={pages} />
    </View>
  )
}
