/**
 * Group settings (packages/admin/pages/group-settings/index?id=<groupId>), owners and admins: name and
 * introduction, the check-in day (timezone, day-start hour; the owner's), make-ups (补卡), the default task
 * publish time, the capacity (the owner's) — each a picker or field that looks tappable. A change of the
 * check-in day is first previewed on the server and explained in a confirmation (which day it takes over,
 * when that day begins and ends); the participation settings (inactivity days, points) are shown and linked, not repeated.
 */
import { useMemo, useState } from 'react'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { getGroupSettings, saveGroupSettings, type DayRuleChangeView, type GroupSettingsView } from '../../../../../contracts/group-settings'
import { getParticipationSettings } from '../../../../../contracts/participation'
import { pageUrl } from '../../../../../contracts/routes'
import { MAX_MAKE_UP_MONTHLY_LIMIT, MAX_MAKE_UP_WINDOW_DAYS } from '../../../../../domain/checkin'
import { MAX_GROUP_INTRO_LENGTH, MAX_GROUP_NAME_LENGTH } from '../../../../../domain/group-settings'
import { formatLocal } from '../../../../../domain/local-time'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { zoneLabel, zoneName } from '../../zone-names'
import { HOURS, dayRuleChanged, hourLabel, timezoneChoices } from './utils'
import './index.scss'

const WINDOW_CHOICES = Array.from({ length: MAX_MAKE_UP_WINDOW_DAYS }, (_, i) => i + 1)
const LIMIT_CHOICES = Array.from({ length: MAX_MAKE_UP_MONTHLY_LIMIT + 1 }, (_, i) => i)

export default function GroupSettingsPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getGroupSettings, { groupId })
  // Kept here: after a save the form is rebuilt from the reloaded settings, and the notice stays.
  const [notice, setNotice] = useState('')
  return (
    <PageShell name="group-settings-page">
      {state.status === 'loading' && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="group-settings-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <SettingsForm key={JSON.stringify(state.data)} initial={state.data} notice={notice} setNotice={setNotice} onSaved={reload} />}
    </PageShell>
  )
}

/** The scheduled change in words (the confirmation, and the notice while it is pending). */
function changeParams(change: DayRuleChangeView) {
  return {
    day: change.fromDay,
    timezone: zoneName(change.after.timezone),
    hour: String(change.after.dayStartHour).padStart(2, '0'),
    start: formatLocal(change.startsAt, change.before.timezone),
    beforeZone: zoneName(change.before.timezone),
    end: formatLocal(change.endsAt, change.after.timezone),
    afterZone: zoneName(change.after.timezone),
    hours: change.hours,
  }
}

/** A row that opens a picker: label on the left, the value and a chevron on the right. */
function PickerRow({ id, label, value, disabled }: { id: string; label: string; value: string; disabled?: boolean }) {
  return (
    <View className={`gs-picker${disabled ? ' gs-picker--disabled' : ''}`}>
      <Text className="gs-picker__label">{label}</Text>
      <Text id={id} className="gs-picker__value">{value}</Text>
      {!disabled && <Text className="gs-picker__chevron">›</Text>}
    </View>
  )
}

function changeText(change: DayRuleChangeView, today: string): string {
  return t('groupSettings.confirmBody', { today, ...changeParams(change) })
}

interface SettingsFormProps {
  initial: GroupSettingsView
  notice: string
  setNotice: (notice: string) => void
  onSaved: () => void
}

function SettingsForm({ initial, notice, setNotice, onSaved }: SettingsFormProps) {
  const groupId = initial.groupId
  const [name, setName] = useState(initial.name)
  const [intro, setIntro] = useState(initial.intro)
  const [timezone, setTimezone] = useState(initial.timezone)
  const [search, setSearch] = useState('')
  const [dayStartHour, setDayStartHour] = useState(initial.dayStartHour)
  const [makeUpEnabled, setMakeUpEnabled] = useState(initial.makeUp.enabled)
  const [windowDays, setWindowDays] = useState(initial.makeUp.windowDays)
  const [monthlyLimit, setMonthlyLimit] = useState(initial.makeUp.monthlyLimit)
  const [taskPublishTime, setTaskPublishTime] = useState(initial.taskPublishTime)
  const [capacity, setCapacity] = useState(String(initial.capacity))
  const save = useAction(saveGroupSettings)
  const zones = useMemo(() => timezoneChoices(search, timezone), [search, timezone])
  const owner = initial.canEditOwnerSettings
  const pending = initial.dayRuleChange

  const input = () => ({
    groupId,
    name,
    intro,
    timezone,
    dayStartHour,
    makeUp: { enabled: makeUpEnabled, windowDays, monthlyLimit },
    taskPublishTime,
    capacity: Number(capacity),
  })

  async function submit() {
    setNotice('')
    save.reset()
    if (!/^\d{1,3}$/.test(capacity.trim())) {
      save.setError(t('groupSettings.validate.range', { min: 1, max: initial.maxCapacity }))
      return
    }
    if (dayRuleChanged({ timezone, dayStartHour }, initial)) {
      // Ask the server what the change would do, and say it before saving.
      const preview = await save.run({ ...input(), preview: true })
      if (!preview) return
      const content =
        preview.dayRule.kind === 'planned'
          ? changeText(preview.dayRule, initial.today)
          : t('groupSettings.confirmCancel', { timezone: zoneName(timezone), hour: String(dayStartHour).padStart(2, '0') })
      const answer = await Taro.showModal({ title: t('groupSettings.confirmTitle'), content })
      if (!answer.confirm) return
    }
    const saved = await save.run(input())
    if (!saved) return
    setNotice(saved.dayRule.kind === 'planned' ? t('groupSettings.savedDayRule', { day: saved.dayRule.fromDay }) : t('groupSettings.saved'))
    Taro.showToast({ title: t('groupSettings.saved'), icon: 'none' })
    onSaved()
  }

  return (
    <View id="group-settings-form">
      <View className="gs-section">
        <Text className="gs-section__title">{t('groupSettings.basics')}</Text>
        <FormField id="gs-name" label={t('groupSettings.name')} maxLength={MAX_GROUP_NAME_LENGTH} value={name} onInput={setName} error={save.fields.name} />
        <FormField id="gs-intro" label={t('groupSettings.intro')} multiline autoHeight controlClassName="gs-textarea" maxLength={MAX_GROUP_INTRO_LENGTH} value={intro} onInput={setIntro} error={save.fields.intro} />
      </View>

      <View id="gs-day-rule" className="gs-section">
        <Text className="gs-section__title">{t('groupSettings.dayRule')}</Text>
        <Text className="gs-hint">{t('groupSettings.dayRuleHint')}</Text>
        {pending && (
          <Text id="gs-pending" className="gs-pending">
            {pending.inEffect
              ? t('groupSettings.inEffect', changeParams(pending))
              : t('groupSettings.pending', changeParams(pending))}
          </Text>
        )}
        {owner && (
          <Input id="gs-timezone-search" className="gs-input" value={search} placeholder={t('groupSettings.timezoneSearch')} onInput={(e) => setSearch(e.detail.value)} />
        )}
        {owner && search.trim() !== '' && zones.length === 0 ? (
          <Text id="gs-timezone-none" className="gs-hint">{t('groupSettings.timezoneNoMatch')}</Text>
        ) : (
          <Picker id="gs-timezone-picker" mode="selector" disabled={!owner} range={zones.map(zoneLabel)} value={Math.max(0, zones.indexOf(timezone))} onChange={(e) => setTimezone(zones[Number(e.detail.value)] ?? timezone)}>
            <PickerRow id="gs-timezone" label={t('groupSettings.timezone')} value={zoneLabel(timezone)} disabled={!owner} />
          </Picker>
        )}
        <Picker id="gs-day-start-picker" mode="selector" disabled={!owner} range={HOURS.map(hourLabel)} value={dayStartHour} onChange={(e) => setDayStartHour(Number(e.detail.value))}>
          <PickerRow id="gs-day-start" label={t('groupSettings.dayStartHour')} value={hourLabel(dayStartHour)} disabled={!owner} />
        </Picker>
        <Text className="gs-hint">{t('groupSettings.hourHint')}</Text>
        {!owner && <Text id="gs-owner-only" className="gs-hint">{t('groupSettings.ownerOnlyHint')}</Text>}
      </View>

      <View id="gs-make-up" className="gs-section">
        <Text className="gs-section__title">{t('groupSettings.makeUp')}</Text>
        <View className="gs-row">
          <Text className="gs-row__label">{t('groupSettings.makeUpEnabled')}</Text>
          <Switch id="gs-make-up-enabled" checked={makeUpEnabled} color="#07c160" onChange={(e) => setMakeUpEnabled(e.detail.value)} />
        </View>
        {makeUpEnabled && (
          <>
            <Picker id="gs-window-picker" mode="selector" range={WINDOW_CHOICES.map((days) => t('groupSettings.windowOption', { days }))} value={windowDays - 1} onChange={(e) => setWindowDays(WINDOW_CHOICES[Number(e.detail.value)])}>
              <PickerRow id="gs-window" label={t('groupSettings.windowDays')} value={t('groupSettings.windowOption', { days: windowDays })} />
            </Picker>
            <Picker id="gs-limit-picker" mode="selector" range={LIMIT_CHOICES.map((count) => t('groupSettings.limitOption', { count }))} value={monthlyLimit} onChange={(e) => setMonthlyLimit(LIMIT_CHOICES[Number(e.detail.value)])}>
              <PickerRow id="gs-limit" label={t('groupSettings.monthlyLimit')} value={t('groupSettings.limitOption', { count: monthlyLimit })} />
            </Picker>
          </>
        )}
        <Text className="gs-hint">{t('groupSettings.makeUpHint')}</Text>
      </View>

      <View className="gs-section">
        <Text className="gs-section__title">{t('groupSettings.tasks')}</Text>
        <Picker id="gs-task-time-picker" mode="time" value={taskPublishTime} onChange={(e) => setTaskPublishTime(String(e.detail.value))}>
          <PickerRow id="gs-task-time" label={t('groupSettings.taskPublishTime')} value={taskPublishTime} />
        </Picker>
        <Text className="gs-hint">{t('groupSettings.taskHint')}</Text>
      </View>

      <View className="gs-section">
        <Text className="gs-section__title">{t('groupSettings.capacity')}</Text>
        <View className="gs-row">
          <Text className="gs-row__label">{t('groupSettings.capacity')}</Text>
          <Input id="gs-capacity" className="gs-input gs-input--short" type="number" maxlength={3} disabled={!owner} value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
        </View>
        <Text className="gs-hint">{t('groupSettings.capacityHint', { count: initial.memberCount, max: initial.maxCapacity })}</Text>
        {save.fields.capacity && <Text className="gs-error">{save.fields.capacity}</Text>}
      </View>

      <ParticipationSummary groupId={groupId} />

      {save.error !== '' && (
        <Text id="gs-error" className="gs-error">
          {save.error}
        </Text>
      )}
      {notice !== '' && (
        <Text id="gs-notice" className="gs-notice">
          {notice}
        </Text>
      )}
      <Button id="gs-save" type="primary" block loading={save.busy} onClick={submit}>
        {t('groupSettings.save')}
      </Button>
    </View>
  )
}

/** Inactivity days and points live in the participation settings: shown here, changed there (linked). */
function ParticipationSummary({ groupId }: { groupId: string }) {
  const { state } = usePageData(getParticipationSettings, { groupId })
  if (state.status !== 'ready') return null
  const { inactiveDays, points } = state.data
  return (
    <View id="gs-participation" className="gs-section">
      <Text className="gs-section__title">{t('groupSettings.participation')}</Text>
      <Text className="gs-summary">{t('groupSettings.participationSummary', { days: inactiveDays, checkin: points.checkin, makeUp: points.makeUp, task: points.taskCheckin })}</Text>
      <View className="gs-picker" id="gs-participation-link" onClick={() => Taro.navigateTo({ url: pageUrl('participationSettings', { id: groupId }) })}>
        <Text className="gs-picker__label">{t('groupSettings.participationHint')}</Text>
        <Text className="gs-picker__value" />
        <Text className="gs-picker__chevron">›</Text>
      </View>
    </View>
  )
}
