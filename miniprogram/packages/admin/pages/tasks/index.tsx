/**
 * Admins' daily tasks page (packages/admin/pages/tasks/index?id=<groupId>): write a daily task ahead (the day and
 * publish time in tappable picker fields — the group's default 08:00 — title and text), see scheduled and
 * published tasks, edit or delete one; links to the other admin pages (announcements, rules). Members who open
 * it see the published tasks only; the server refuses their writes anyway.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import {
  MAX_TASK_BODY,
  MAX_TASK_TITLE,
  deleteDailyTask,
  listDailyTasks,
  saveDailyTask,
  type DailyTaskView,
  type TaskList,
} from '../../../../../contracts/board'
import { pageUrl } from '../../../../../contracts/routes'
import { formatLocal, shiftDay } from '../../../../../domain/days'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PickerField from '../../../../components/picker-field'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import { useAction } from '../../../../hooks/use-action'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import { useRequestId } from '../../../../hooks/request-id'
import './index.scss'

export default function TasksPage() {
  const groupId = useRouter().params.id ?? ''
  const tasks = usePagedAction(listDailyTasks, { groupId })
  const { state, reload } = tasks
  // The task being edited (the form opens with it), or null for a new one.
  const [editing, setEditing] = useState<DailyTaskView | null>(null)
  const remove = useAction(deleteDailyTask)
  const onDelete = async (task: DailyTaskView) => {
    const answer = await Taro.showModal({ title: t('tasks.confirmDelete', { day: task.day }), content: task.title })
    if (!answer.confirm) return
    if (await remove.run({ groupId, day: task.day })) {
      Taro.showToast({ title: t('tasks.deleted'), icon: 'none' })
      if (editing?.day === task.day) setEditing(null)
      reload()
    }
  }
  const manage = { onEdit: setEditing, onDelete }
  return (
    <PageShell name="tasks-page">
      {state.status === 'loading' && state.first && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="tasks-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="tasks-view">
          {state.data.canManage ? (
            <>
              <TaskForm
                key={editing ? `edit-${editing.id}` : 'new'}
                groupId={groupId}
                list={state.data}
                editing={editing}
                onSaved={() => {
                  setEditing(null)
                  reload()
                }}
              />
              {remove.error !== '' && <Text id="task-delete-error" className="form-error">{remove.error}</Text>}
              <View className="tasks-links">
                <Button id="tasks-open-announcements" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('manageAnnouncements', { id: groupId }) })}>
                  {t('groupEntry.manageAnnouncements')}
                </Button>
                <Button id="tasks-open-rules" fill="outline" onClick={() => Taro.navigateTo({ url: pageUrl('manageRules', { id: groupId }) })}>
                  {t('groupEntry.manageRules')}
                </Button>
              </View>
              <TaskSection id="tasks-scheduled" title={t('tasks.scheduled')} tasks={state.data.scheduled} timezone={state.data.timezone} manage={manage} />
            </>
          ) : (
            <Text id="tasks-admins-only" className="tasks-hint">{t('tasks.adminsOnly')}</Text>
          )}
          <TaskSection id="tasks-published" title={t('tasks.past')} tasks={tasks.items} timezone={state.data.timezone} manage={state.data.canManage ? manage : undefined} />
          <LoadMore id="tasks-more" list={tasks} />
        </View>
      )}
    </PageShell>
  )
}

function TaskForm({ groupId, list, editing, onSaved }: { groupId: string; list: TaskList; editing: DailyTaskView | null; onSaved: () => void }) {
  const [day, setDay] = useState(editing?.day ?? shiftDay(list.today, 1))
  const [time, setTime] = useState(editing ? formatLocal(editing.publishAt, list.timezone, 'HH:mm') : list.defaultPublishTime)
  const [title, setTitle] = useState(editing?.title ?? '')
  const [body, setBody] = useState(editing?.body ?? '')
  const saveTask = useAction(saveDailyTask)
  // One id per opened form, the same on every retry: a retried save answers the first one.
  const request = useRequestId()
  const save = async () => {
    const saved = await saveTask.run({ groupId, day, title, body, publishTime: time, requestId: request.id })
    if (!saved) return
    request.renew()
    Taro.showToast({ title: t('tasks.saved', { time: formatLocal(saved.publishAt, list.timezone) }), icon: 'none' })
    setTitle('')
    setBody('')
    onSaved()
  }
  return (
    <View id="task-form" className="tasks-card">
      <Text className="tasks-card__title">{editing ? t('tasks.editing', { day: editing.day }) : t('tasks.writeTitle')}</Text>
      <View className="tasks-pickers">
        <PickerField id="task-day" mode="date" label={t('tasks.day')} value={day} start={list.today} onChange={setDay} />
        <PickerField id="task-time" mode="time" label={t('tasks.publishTime')} value={time} onChange={setTime} />
      </View>
      <FormField id="task-title" value={title} maxLength={MAX_TASK_TITLE} placeholder={t('tasks.titlePlaceholder')} onInput={setTitle} />
      <FormField
        id="task-body"
        multiline
        controlClassName="tasks-textarea"
        value={body}
        maxLength={MAX_TASK_BODY}
        placeholder={t('tasks.bodyPlaceholder')}
        onInput={setBody}
      />
      {saveTask.error !== '' && <Text id="task-error" className="form-error">{saveTask.error}</Text>}
      <Button id="task-save" type="primary" block loading={saveTask.busy} onClick={save}>
        {t('tasks.save')}
      </Button>
    </View>
  )
}

interface TaskManage {
  onEdit: (task: DailyTaskView) => void
  onDelete: (task: DailyTaskView) => void
}

function TaskSection({ id, title, tasks, timezone, manage }: { id: string; title: string; tasks: DailyTaskView[]; timezone: string; manage?: TaskManage }) {
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
          <Text className="tasks-meta">{task.edited ? `${task.day} · ${t('tasks.edited')}` : task.day}</Text>
          <Text className="tasks-item__body">{task.body}</Text>
          {manage && (
            <View className="tasks-row">
              <Button id={`task-edit-${task.day}`} size="small" fill="outline" onClick={() => manage.onEdit(task)}>
                {t('tasks.edit')}
              </Button>
              <Button id={`task-delete-${task.day}`} size="small" type="danger" fill="outline" onClick={() => manage.onDelete(task)}>
                {t('tasks.delete')}
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
