/**
 * Participation settings (packages/admin/pages/participation-settings/index?id=<groupId>): points per event,
 * the days without a check-in before a member counts as inactive, and the group's goal (streak or total days,
 * with a reward), previewed as members will read it; admins edit, others read. Below, the group's lifecycle:
 * the owner archives the group (read-only: no applications, check-ins or lottery entries) or restores it, each
 * after a confirmation.
 */
import { useEffect, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { getGroupProfile, type GroupProfile } from '../../../../../contracts/group'
import { archiveGroup, getParticipationSettings, restoreGroup, saveParticipationSettings, type ParticipationSettingsView } from '../../../../../contracts/participation'
import { MAX_GOAL_REWARD_LENGTH, SCORE_EVENTS, type ScoreEvent } from '../../../../../domain/participation'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { formOf, goalPreview, parseForm, type SettingsForm } from './utils'
import './index.scss'

// The texts themselves, each key written out: a key looked up from a table (`t(labels[event])`) would bring the
// whole texts table into the bundle (babel.config.js, inlineTexts).
const POINT_LABELS: Record<ScoreEvent, string> = {
  checkin: t('pSettings.checkin'),
  taskCheckin: t('pSettings.taskCheckin'),
  makeUp: t('pSettings.makeUp'),
  lotteryEntry: t('pSettings.lotteryEntry'),
  invitee: t('pSettings.invitee'),
}

export default function ParticipationSettingsPage() {
  const groupId = useRouter().params.id ?? ''
  const settings = usePageData(getParticipationSettings, { groupId })
  const profile = usePageData(getGroupProfile, { groupId })
  const { state, reload } = settings
  return (
    <PageShell name="participation-settings-page">
      {state.status === 'loading' && state.first && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="participation-settings-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <SettingsEditor groupId={groupId} view={state.data} />}
      {profile.state.status === 'ready' && <Lifecycle profile={profile.state.data} onChanged={profile.reload} />}
    </PageShell>
  )
}

function SettingsEditor({ groupId, view }: { groupId: string; view: ParticipationSettingsView }) {
  const [form, setForm] = useState<SettingsForm>(() => formOf(view))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useAction(saveParticipationSettings)
  useEffect(() => setForm(formOf(view)), [view])
  const readOnly = !view.canEdit
  const fieldErrors = { ...errors, ...save.fields }
  const goalDays = Number(form.goalDays)

  const submit = async () => {
    const parsed = parseForm(form)
    if ('errors' in parsed) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    const saved = await save.run({ groupId, ...parsed.input })
    if (!saved) return
    setForm(formOf(saved))
    Taro.showToast({ title: t('pSettings.saved'), icon: 'success' })
  }

  return (
    <View id="participation-settings">
      {readOnly && (
        <Text id="participation-settings-readonly" className="psettings-hint">
          {t('pSettings.readOnly')}
        </Text>
      )}
      <View id="psettings-points" className="psettings-card">
        <Text className="psettings-card__title">{t('pSettings.points')}</Text>
        {SCORE_EVENTS.map((event) => (
          <NumberRow
            key={event}
            id={`points-${event}`}
            label={POINT_LABELS[event]}
            hint={t('pSettings.defaultValue', { value: view.defaults.points[event] })}
            unit={t('pSettings.pointsUnit')}
            value={form.points[event]}
            maxLength={3}
            disabled={readOnly}
            error={fieldErrors[`points.${event}`]}
            onInput={(value) => setForm((f) => ({ ...f, points: { ...f.points, [event]: value } }))}
          />
        ))}
      </View>

      <View className="psettings-card">
        <NumberRow
          id="inactive-days"
          label={t('pSettings.inactiveDays')}
          hint={t('pSettings.defaultValue', { value: view.defaults.inactiveDays })}
          unit={t('pSettings.daysUnit')}
          value={form.inactiveDays}
          maxLength={2}
          disabled={readOnly}
          error={fieldErrors.inactiveDays}
          onInput={(value) => setForm((f) => ({ ...f, inactiveDays: value }))}
        />
      </View>

      <View id="psettings-goal" className="psettings-card">
        <View className="psettings-row">
          <Text className="psettings-card__title">{t('pSettings.goal')}</Text>
          <Switch id="goal-on" checked={form.goalOn} disabled={readOnly} color="#07c160" onChange={(e) => setForm((f) => ({ ...f, goalOn: e.detail.value }))} />
        </View>
        {form.goalOn && (
          <View>
            <View className="psettings-kinds">
              {(['streak', 'total'] as const).map((kind) => (
                <View
                  key={kind}
                  id={`goal-kind-${kind}`}
                  className={`psettings-kind${form.goalKind === kind ? ' is-active' : ''}`}
                  onClick={() => !readOnly && setForm((f) => ({ ...f, goalKind: kind }))}
                >
                  <Text>{t(kind === 'streak' ? 'pSettings.goalStreak' : 'pSettings.goalTotal')}</Text>
                </View>
              ))}
            </View>
            <NumberRow
              id="goal-days"
              label={t('pSettings.goalDays')}
              unit={t('pSettings.daysUnit')}
              value={form.goalDays}
              maxLength={3}
              disabled={readOnly}
              error={fieldErrors['goal.days']}
              onInput={(value) => setForm((f) => ({ ...f, goalDays: value }))}
            />
            <FormField id="goal-reward" label={t('pSettings.goalReward')} value={form.goalReward} maxLength={MAX_GOAL_REWARD_LENGTH} error={fieldErrors['goal.reward']} onInput={(value) => setForm((f) => ({ ...f, goalReward: value }))} />
            {Number.isInteger(goalDays) && goalDays > 0 && (
              <Text id="goal-preview" className="psettings-preview">
                {t('pSettings.preview', { text: goalPreview(form.goalKind, goalDays, form.goalReward) })}
              </Text>
            )}
          </View>
        )}
      </View>

      {save.error !== '' && (
        <Text id="psettings-error" className="form-error">
          {save.error}
        </Text>
      )}
      {!readOnly && (
        <Button id="psettings-save" type="primary" block loading={save.busy} onClick={submit}>
          {t('pSettings.save')}
        </Button>
      )}
    </View>
  )
}

/** A label (and its default) beside a short number box and its unit; the error under the row (`<id>-error`). */
function NumberRow(props: {
  id: string
  label: string
  hint?: string
  unit: string
  value: string
  maxLength: number
  disabled: boolean
  error?: string
  onInput: (value: string) => void
}) {
  return (
    <View className="psettings-number">
      <View className="psettings-row">
        <View className="psettings-row__label">
          <Text>{props.label}</Text>
          {props.hint !== undefined && <Text className="psettings-muted">{props.hint}</Text>}
        </View>
        <Input
          id={props.id}
          className="psettings-input"
          type="number"
          value={props.value}
          maxlength={props.maxLength}
          disabled={props.disabled}
          onInput={(e) => props.onInput(e.detail.value)}
        />
        <Text className="psettings-unit">{props.unit}</Text>
      </View>
      {props.error ? (
        <Text id={`${props.id}-error`} className="form-error">
          {props.error}
        </Text>
      ) : null}
    </View>
  )
}

function Lifecycle({ profile, onChanged }: { profile: GroupProfile; onChanged: () => void }) {
  const archive = useAction(archiveGroup)
  const restore = useAction(restoreGroup)
  const archived = profile.status === 'archived'
  const isOwner = profile.viewerRole === 'owner'
  const error = archive.error || restore.error

  const run = async () => {
    const answer = await Taro.showModal(
      archived
        ? { title: t('lifecycle.restoreConfirm', { group: profile.name }), content: t('lifecycle.restoreConfirmBody') }
        : { title: t('lifecycle.archiveConfirm', { group: profile.name }), content: t('lifecycle.archiveConfirmBody'), confirmColor: '#fa5151' },
    )
    if (!answer.confirm) return
    const done = archived ? await restore.run({ groupId: profile.id }) : await archive.run({ groupId: profile.id })
    if (!done) return
    Taro.showToast({ title: t(archived ? 'lifecycle.restoredDone' : 'lifecycle.archivedDone'), icon: 'success' })
    onChanged()
  }

  return (
    <View id="lifecycle" className="psettings-card psettings-lifecycle">
      <View className="psettings-row">
        <Text className="psettings-card__title">{t('lifecycle.title')}</Text>
        <Text id="lifecycle-status" className={`psettings-status${archived ? ' is-archived' : ''}`}>
          {t(archived ? 'lifecycle.archived' : 'lifecycle.open')}
        </Text>
      </View>
      <Text className="psettings-muted">{t('lifecycle.archiveHint')}</Text>
      {error !== '' && (
        <Text id="lifecycle-error" className="form-error">
          {error}
        </Text>
      )}
      {isOwner ? (
        <Button id={archived ? 'group-restore' : 'group-archive'} block type={archived ? 'primary' : 'danger'} fill={archived ? 'solid' : 'outline'} loading={archive.busy || restore.busy} onClick={run}>
          {t(archived ? 'lifecycle.restore' : 'lifecycle.archive')}
        </Button>
      ) : (
        <Text id="lifecycle-owner-only" className="psettings-muted">
          {t('lifecycle.ownerOnly')}
        </Text>
      )}
    </View>
  )
}
