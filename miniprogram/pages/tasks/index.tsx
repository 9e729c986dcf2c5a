/**
 * Admin publishing page (pages/tasks/index?id=<groupId>): write a daily task ahead (day, publish time —
 * the group's default 08:00 — title and text), see scheduled and published tasks, post an announcement
 * (optionally pinned), and open the rules editor. Members who open it see the published tasks only; the
 * server refuses their writes anyway.
 */
import { useState } from 'react'
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { listDailyTasks, postAnnouncement, saveDailyTask, type DailyTaskView, type TaskList } from '../../../contracts/board'
import { formatLocal, shiftDay } from '../../../domain/days'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import ErrorState from '../../components/error-state'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'
import { pageUrl } from '../../../contracts/routes'

export default function TasksPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const [version, setVersion] = useState(0)
  const { state, reload } = useActionData(listDailyTasks, { groupId }, `${personaKey}:${version}`)
  return (
    <View className="page tasks-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {state.status === 'loading' && version === 0 && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="tasks-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="tasks-view">
          {state.data.canManage ? (
            <>
              <TaskForm groupId={groupId} list={state.data} onSaved={() => setVersion((n) => n + 1)} />
              <AnnouncementForm groupId={groupId} />
              <Button id="tasks-open-rules" block fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('rules', { id: groupId }) })}>
                {t('rules.edit')}
              </Button>
              <TaskSection id="tasks-scheduled" title={t('tasks.scheduled')} tasks={state.data.scheduled} timezone={state.data.timezone} />
            </>
          ) : (
            <Text className="tasks-hint">{t('tasks.adminsOnly')}</Text>
          )}
          <TaskSection id="tasks-published" title={t('tasks.past')} tasks={state.data.items} timezone={state.data.timezone} />
        </View>
      )}
    </View>
  )
}

function TaskForm({ groupId, list, onSaved }: { groupId: string; list: TaskList; onSaved: () => void }) {
  const [day, setDay] = useState(shiftDay(list.today, 1))
  const [time, setTime] = useState(list.defaultPublishTime)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    setError('')
    try {
      const saved = await callAction(saveDailyTask, { groupId, day, title, body, publishTime: time })
      Taro.showToast({ title: t('tasks.saved', { time: formatLocal(saved.publishAt, list.timezone) }), icon: 'none' })
      setTitle('')
      setBody('')
      onSaved()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id="task-form" className="tasks-card">
      <Text className="tasks-card__title">{t('tasks.writeTitle')}</Text>
      <View className="tasks-row">
        <Picker mode="date" value={day} start={list.today} onChange={(e) => setDay(String(e.detail.value))}>
          <Text id="task-day">{`${t('tasks.day')}：${day}`}</Text>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <Text id="task-time">{`${t('tasks.publishTime')}：${time}`}</Text>
        </Picker>
      </View>
      <Input id="task-title" className="tasks-input" value={title} maxlength={60} placeholder={t('tasks.titlePlaceholder')} onInput={(e) => setTitle(e.detail.value)} />
      <Textarea id="task-body" className="tasks-textarea" value={body} maxlength={1000} placeholder={t('tasks.bodyPlaceholder')} onInput={(e) => setBody(e.detail.value)} />
      {error !== '' && <Text id="task-error" className="form-error">{error}</Text>}
      <Button id="task-save" type="primary" block loading={busy} onClick={save}>
        {t('tasks.save')}
      </Button>
    </View>
  )
}

function AnnouncementForm({ groupId }: { groupId: string }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pinned, setPinned] = useState(false)
  const [error, setError] = useState('')
  const post = async () => {
    setError('')
    try {
      await callAction(postAnnouncement, { groupId, title, body, pinned })
      Taro.showToast({ title: t('announcements.posted'), icon: 'none' })
      setTitle('')
      setBody('')
      setPinned(false)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  return (
    <View id="announcement-form" className="tasks-card">
      <Text className="tasks-card__title">{t('announcements.post')}</Text>
      <Input id="announcement-title" className="tasks-input" value={title} maxlength={60} placeholder={t('announcements.titlePlaceholder')} onInput={(e) => setTitle(e.detail.value)} />
      <Textarea id="announcement-body" className="tasks-textarea" value={body} maxlength={2000} placeholder={t('announcements.bodyPlaceholder')} onInput={(e) => setBody(e.detail.value)} />
      <View className="tasks-row">
        <Text>{t('announcements.pinOnPost')}</Text>
        <Switch id="announcement-pinned" checked={pinned} color="#07c160" onChange={(e) => setPinned(e.detail.value)} />
      </View>
      {error !== '' && <Text className="form-error">{error}</Text>}
      <Button id="announcement-post" type="primary" block onClick={post}>
        {t('announcements.post')}
      </Button>
    </View>
  )
}

function TaskSection({ id, title, tasks, timezone }: { id: string; title: string; tasks: DailyTaskView[]; timezone: string }) {
  return (
    <View id={id} className="tasks-card">
      <Text className="tasks-card__title">{title}</Text>
      {tasks.length === 0 && <Text className="tasks-meta">{t('tasks.none')}</Text>}
      {tasks.map((task) => (
        <View key={task.id} className="tasks-item">
          <View className="tasks-row">
            <Text className="tasks-item__title">{task.title}</Text>
            {!task.published && (
              <Tag type="warning">
                <Text>{t('tasks.publishesAt', { time: formatLocal(task.publishAt, timezone) })}</Text>
              </Tag>
            )}
          </View>
          <Text className="tasks-meta">{task.day}</Text>
          <Text className="tasks-item__body">{task.body}</Text>
        </View>
      ))}
    </View>
  )
}
