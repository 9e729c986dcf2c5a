/**
 * Admin: create a lottery (packages/admin/pages/lottery-create/index?id=<groupId>): title, description, prize
 * tiers (add / remove, quantity, an optional picture uploaded with components/photo-picker), the entry window (date and time pickers in the group's timezone), the draw
 * rule (at a time, when N entered, by an admin's tap), eligibility (check-ins in a period, joined before a
 * day), weighting by check-ins with a cap, whether prizes are posted and the days to claim. The form keeps one
 * `requestId` per opening, so a double tap or a retry returns the first lottery. Publishing leads to the
 * manage page.
 */
import { useState, type ReactNode } from 'react'
import { Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { MAX_LOTTERY_DESCRIPTION, MAX_LOTTERY_TITLE, MAX_PRIZE_NAME, MAX_PRIZE_QUANTITY, MAX_PRIZE_TIERS, createLottery, listLotteries } from '../../../../../contracts/lottery'
import { pageUrl } from '../../../../../contracts/routes'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import PageShell from '../../../../components/page-shell'
import PhotoPicker from '../../../../components/photo-picker'
import { tierLabel } from '../../../../components/lottery-card/utils'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { zoneName } from '../../zone-names'
import { addTier, clampQuantity, clampTickets, formProblem, initialForm, newRequestId, opensNow, toCreateInput, type LotteryForm, type TierDraft } from './form'
import './index.scss'

export default function LotteryCreatePage() {
  const groupId = useRouter().params.id ?? ''
  // The group's timezone and the caller's role come with the (cheap) first page of its open lotteries.
  const { state, reload } = usePageData(listLotteries, groupId ? { groupId, filter: 'open' } : null)
  return (
    <PageShell name="lottery-create-page">
      {state.status === 'loading' && state.first && <Skeleton rows={10} animated />}
      {state.status === 'error' && <ErrorState id="lottery-create-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.isAdmin ? (
          <CreateForm groupId={groupId} timezone={state.data.timezone} photoPathPrefix={state.data.photoPathPrefix ?? ''} />
        ) : (
          <Text id="lottery-create-admins-only" className="create-hint">
            {t('lotteryCreate.adminsOnly')}
          </Text>
        ))}
    </PageShell>
  )
}

function CreateForm({ groupId, timezone, photoPathPrefix }: { groupId: string; timezone: string; photoPathPrefix: string }) {
  const [form, setForm] = useState<LotteryForm>(() => initialForm(new Date(), timezone))
  const [requestId] = useState(() => newRequestId())
  const create = useAction(createLottery)
  const set = <K extends keyof LotteryForm>(key: K, value: LotteryForm[K]) => setForm((current) => ({ ...current, [key]: value }))
  const setTier = (key: number, change: (tier: TierDraft) => Partial<TierDraft>) =>
    setForm((current) => ({ ...current, tiers: current.tiers.map((tier) => (tier.key === key ? { ...tier, ...change(tier) } : tier)) }))

  const publish = async () => {
    const problem = formProblem(form)
    if (problem) {
      create.setError(problem === 'lotteryCreate.noName' ? t('lotteryCreate.noName') : t('lotteryCreate.badNumber'))
      return
    }
    const lottery = await create.run(toCreateInput(form, { groupId, requestId, timezone }))
    if (!lottery) return
    Taro.showToast({ title: t('lotteryCreate.published'), icon: 'none' })
    Taro.redirectTo({ url: pageUrl('lotteryManage', { id: lottery.id }) })
  }

  const countsCheckins = form.weighted || (Number(form.minCheckins) || 0) > 0
  return (
    <View id="lottery-create-form">
      <View className="create-card">
        <FormField id="create-title" label={t('lotteryCreate.title')} value={form.title} maxLength={MAX_LOTTERY_TITLE} placeholder={t('lotteryCreate.titlePlaceholder')} error={create.fields.title} onInput={(v) => set('title', v)} />
        <FormField id="create-description" label={t('lotteryCreate.description')} multiline value={form.description} maxLength={MAX_LOTTERY_DESCRIPTION} error={create.fields.description} onInput={(v) => set('description', v)} />
      </View>

      <View id="create-prizes" className="create-card">
        <Text className="create-card__title">{t('lotteryCreate.prizes')}</Text>
        {form.tiers.map((tier, index) => (
          <View key={tier.key} id={`create-tier-${index}`} className="create-tier">
            <View className="create-row create-row--between">
              <Text className="create-tier__rank">{tierLabel(index)}</Text>
              {form.tiers.length > 1 && (
                <Text id={`create-tier-${index}-remove`} className="create-link create-link--danger" onClick={() => set('tiers', form.tiers.filter((other) => other.key !== tier.key))}>
                  {t('lotteryCreate.removeTier')}
                </Text>
              )}
            </View>
            <View className="create-tier__name">
              <FormField id={`create-tier-${index}-name`} value={tier.name} maxLength={MAX_PRIZE_NAME} placeholder={t('lotteryCreate.prizeName')} error={create.fields[`prizes.${index}.name`]} onInput={(v) => setTier(tier.key, () => ({ name: v }))} />
            </View>
            <Stepper id={`create-tier-${index}-quantity`} value={tier.quantity} min={1} max={MAX_PRIZE_QUANTITY} unit={t('lotteryCreate.unitPrize')} onStep={(step) => setTier(tier.key, (current) => ({ quantity: clampQuantity(current.quantity + step) }))} />
            <View className="create-tier__image">
              <PhotoPicker groupId={groupId} pathPrefix={photoPathPrefix} value={tier.imageId} idPrefix={`create-tier-${index}-image`} addLabel={t('lotteryCreate.prizeImage')} onChange={(imageId) => setTier(tier.key, () => ({ imageId }))} />
            </View>
            {create.fields[`prizes.${index}.imageId`] && <Text className="create-error">{create.fields[`prizes.${index}.imageId`]}</Text>}
          </View>
        ))}
        {form.tiers.length < MAX_PRIZE_TIERS && (
          <Text id="create-add-tier" className="create-link" onClick={() => set('tiers', addTier(form.tiers))}>
            {t('lotteryCreate.addTier')}
          </Text>
        )}
      </View>

      <View id="create-window" className="create-card">
        <Text className="create-card__title">{t('lotteryCreate.window')}</Text>
        <Text className="create-hint">{t('lotteryCreate.timezone', { timezone: zoneName(timezone) })}</Text>
        <Field label={t('lotteryCreate.opens')}>
          {form.opens ? (
            <DateTime id="create-opens" day={form.opens.day} time={form.opens.time} onChange={(day, time) => set('opens', { day, time })} />
          ) : (
            <PickerBox id="create-opens-now" onClick={() => set('opens', opensNow(new Date(), timezone))}>
              {t('lotteryCreate.opensNow')}
            </PickerBox>
          )}
        </Field>
        <Field label={t('lotteryCreate.closes')}>
          <DateTime id="create-closes" day={form.closesDay} time={form.closesTime} onChange={(day, time) => setForm((c) => ({ ...c, closesDay: day, closesTime: time, periodTo: c.periodTo === c.closesDay ? day : c.periodTo }))} />
        </Field>
        {create.fields.closesAt && <Text className="create-error">{create.fields.closesAt}</Text>}
      </View>

      <View id="create-rule" className="create-card">
        <Text className="create-card__title">{t('lotteryCreate.rule')}</Text>
        <View className="create-segments">
          {(['time', 'count', 'manual'] as const).map((kind) => (
            <View key={kind} id={`create-rule-${kind}`} className={form.ruleKind === kind ? 'create-segments__item is-active' : 'create-segments__item'} onClick={() => set('ruleKind', kind)}>
              <Text>{t(`lotteryCreate.rule.${kind}`)}</Text>
            </View>
          ))}
        </View>
        {form.ruleKind === 'time' && (
          <Field label={t('lotteryCreate.drawAt')}>
            <DateTime id="create-draw" day={form.drawDay} time={form.drawTime} onChange={(day, time) => setForm((c) => ({ ...c, drawDay: day, drawTime: time }))} />
          </Field>
        )}
        {form.ruleKind === 'count' && <FormField id="create-count" label={t('lotteryCreate.count')} type="number" value={form.count} maxLength={3} error={create.fields['drawRule.count']} onInput={(v) => set('count', v)} />}
        {form.ruleKind === 'manual' && <Text className="create-hint">{t('lotteryCreate.manualHint')}</Text>}
      </View>

      <View id="create-eligibility" className="create-card">
        <Text className="create-card__title">{t('lotteryCreate.eligibility')}</Text>
        <FormField id="create-min-checkins" label={t('lotteryCreate.minCheckins')} type="number" value={form.minCheckins} maxLength={3} onInput={(v) => set('minCheckins', v)} />
        <View className="create-row create-row--switch">
          <Text>{t('lotteryCreate.weighting')}</Text>
          <Switch id="create-weighted" checked={form.weighted} color="#07c160" onChange={(e) => set('weighted', e.detail.value)} />
        </View>
        {form.weighted && (
          <View className="create-row">
            <Text className="create-hint">{t('lotteryCreate.maxTickets')}</Text>
            <Stepper id="create-max-tickets" value={form.maxTickets} min={1} max={10} unit={t('lotteryCreate.unitTicket')} onStep={(step) => setForm((current) => ({ ...current, maxTickets: clampTickets(current.maxTickets + step) }))} />
          </View>
        )}
        {countsCheckins && (
          <Field label={t('lotteryCreate.period')}>
            <View className="create-row">
              <DatePicker id="create-period-from" value={form.periodFrom} onChange={(day) => set('periodFrom', day)} />
              <Text className="create-hint">{t('lotteryCreate.periodTo')}</Text>
              <DatePicker id="create-period-to" value={form.periodTo} onChange={(day) => set('periodTo', day)} />
            </View>
          </Field>
        )}
        <View className="create-row create-row--switch">
          <Text>{t('lotteryCreate.joinedBefore')}</Text>
          <Switch id="create-joined-before-on" checked={form.joinedBeforeOn} color="#07c160" onChange={(e) => set('joinedBeforeOn', e.detail.value)} />
        </View>
        {form.joinedBeforeOn && <DatePicker id="create-joined-before" value={form.joinedBefore} onChange={(day) => set('joinedBefore', day)} />}
      </View>

      <View id="create-claim" className="create-card">
        <View className="create-row create-row--switch">
          <Text>{t('lotteryCreate.needsAddress')}</Text>
          <Switch id="create-needs-address" checked={form.needsAddress} color="#07c160" onChange={(e) => set('needsAddress', e.detail.value)} />
        </View>
        <FormField id="create-claim-days" label={t('lotteryCreate.claimDays')} type="number" value={form.claimDays} maxLength={2} error={create.fields.claimDays} onInput={(v) => set('claimDays', v)} />
      </View>

      {create.error !== '' && (
        <Text id="create-error" className="create-error">
          {create.error}
        </Text>
      )}
      <Button id="create-submit" type="primary" block loading={create.busy} onClick={publish}>
        {t('lotteryCreate.submit')}
      </Button>
    </View>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="create-field">
      <Text className="create-field__label">{label}</Text>
      {children}
    </View>
  )
}

/** A picker's face: a bordered box with the value and a chevron, so it reads as something to tap. */
function PickerBox({ id, children, onClick }: { id: string; children: ReactNode; onClick?: () => void }) {
  return (
    <View id={id} className="create-picker" onClick={onClick}>
      <Text className="create-picker__value">{children}</Text>
      <Text className="create-picker__chevron">›</Text>
    </View>
  )
}

function DatePicker({ id, value, onChange }: { id: string; value: string; onChange: (day: string) => void }) {
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <PickerBox id={id}>{value}</PickerBox>
    </Picker>
  )
}

function DateTime({ id, day, time, onChange }: { id: string; day: string; time: string; onChange: (day: string, time: string) => void }) {
  return (
    <View className="create-row">
      <Picker mode="date" value={day} onChange={(e) => onChange(String(e.detail.value), time)}>
        <PickerBox id={`${id}-day`}>{day}</PickerBox>
      </Picker>
      <Picker mode="time" value={time} onChange={(e) => onChange(day, String(e.detail.value))}>
        <PickerBox id={`${id}-time`}>{time}</PickerBox>
      </Picker>
    </View>
  )
}

/** − value + : each tap is a step applied to the current state, so quick taps all count. */
function Stepper({ id, value, min, max, unit, onStep }: { id: string; value: number; min: number; max: number; unit: string; onStep: (step: number) => void }) {
  return (
    <View id={id} className="create-stepper">
      <Text id={`${id}-minus`} className={value <= min ? 'create-stepper__button is-disabled' : 'create-stepper__button'} onClick={() => value > min && onStep(-1)}>
        −
      </Text>
      <Text id={`${id}-value`} className="create-stepper__value">{`${value} ${unit}`}</Text>
      <Text id={`${id}-plus`} className={value >= max ? 'create-stepper__button is-disabled' : 'create-stepper__button'} onClick={() => value < max && onStep(1)}>
        +
      </Text>
    </View>
  )
}
