/**
 * Admission settings (packages/admin/pages/admission-settings/index?id=<groupId>), admins only: the questions applicants
 * answer (short text, paragraph, single choice; required or optional; at most 10), the phone threshold,
 * whether members may invite, the cooldown after a rejection, and the reusable rejection reasons. Checked
 * with the contract's `admissionSettingsSchema` before saving; the function checks again.
 */
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import {
  ANSWER_LIMITS,
  MAX_QUESTION_LABEL,
  MAX_REASON_TEMPLATE_LENGTH,
  admissionSettingsSchema,
  formErrors,
  getAdmissionSettings,
  updateAdmissionSettings,
  type AdmissionSettingsView,
  MAX_CHOICE_OPTIONS,
  MAX_COOLDOWN_DAYS,
  MAX_QUESTIONS,
  MAX_REASON_TEMPLATES,
} from '../../../../../contracts/admission'
import { MAX_INVITER_ACTIVE_DAYS, type ApplicationQuestion, type QuestionKind } from '../../../../../domain/admission'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import { listTextLimit } from '../../../../components/form-field/utils'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { usePageData } from '../../../../hooks/use-page-data'
import { nextQuestionId, splitLines, splitOptions } from './utils'
import './index.scss'

const KINDS: QuestionKind[] = ['text', 'paragraph', 'choice']
/** The typed option line holds up to MAX_CHOICE_OPTIONS options, comma-separated. */
const OPTIONS_TEXT_MAX = listTextLimit(MAX_CHOICE_OPTIONS, ANSWER_LIMITS.choice)
/** The templates box holds up to MAX_REASON_TEMPLATES reasons, one per line. */
const TEMPLATES_TEXT_MAX = listTextLimit(MAX_REASON_TEMPLATES, MAX_REASON_TEMPLATE_LENGTH)
const COOLDOWN_DIGITS = String(MAX_COOLDOWN_DAYS).length
const ACTIVE_DAYS_DIGITS = String(MAX_INVITER_ACTIVE_DAYS).length

export default function AdmissionSettingsPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getAdmissionSettings, { groupId })

  return (
    <PageShell name="settings-page">
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="settings-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <SettingsForm groupId={groupId} initial={state.data} />}
    </PageShell>
  )
}

/** Questions as edited: options kept as the typed line until saving. */
type EditedQuestion = Omit<ApplicationQuestion, 'options'> & { optionsText: string }

function SettingsForm({ groupId, initial }: { groupId: string; initial: AdmissionSettingsView }) {
  const [questions, setQuestions] = useState<EditedQuestion[]>([])
  const [requirePhone, setRequirePhone] = useState(initial.requirePhone)
  const [allowMemberInvites, setAllowMemberInvites] = useState(initial.allowMemberInvites)
  const [cooldown, setCooldown] = useState(String(initial.cooldownDays))
  const [templates, setTemplates] = useState(initial.reasonTemplates.join('\n'))
  const [auto, setAuto] = useState(initial.autoApproval)
  const [activeDays, setActiveDays] = useState(String(initial.autoApproval.inviterActiveDays))
  const ownInvite = initial.ownInviteId ?? ''
  const ownTrusted = auto.trustedInviteIds.includes(ownInvite)
  const otherTrusted = auto.trustedInviteIds.filter((id) => id !== ownInvite).length
  const [notice, setNotice] = useState('')
  const update = useAction(updateAdmissionSettings)
  const message = notice || update.error

  useEffect(() => {
    setQuestions(initial.questions.map(({ options, ...rest }) => ({ ...rest, optionsText: options.join('，') })))
  }, [initial])

  const edit = (index: number, patch: Partial<EditedQuestion>) => setQuestions((qs) => qs.map((q, i) => (i === index ? { ...q, ...patch } : q)))

  async function save() {
    const settings: AdmissionSettingsView = {
      questions: questions.map(({ optionsText, ...rest }) => ({ ...rest, options: rest.kind === 'choice' ? splitOptions(optionsText) : [] })),
      requirePhone,
      allowMemberInvites,
      cooldownDays: Number(cooldown),
      reasonTemplates: splitLines(templates),
      autoApproval: { ...auto, inviterActiveDays: Number(activeDays) },
    }
    setNotice('')
    update.reset()
    const errors = formErrors(admissionSettingsSchema, settings)
    if (errors) {
      setNotice(Object.values(errors)[0])
      return
    }
    if (await update.run({ groupId, settings })) setNotice(t('settings.saved'))
  }

  return (
    <View id="settings-form">
      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.thresholds')}</Text>
        <Toggle id="settings-require-phone" label={t('settings.requirePhone')} value={requirePhone} onChange={setRequirePhone} />
        <Toggle id="settings-member-invites" label={t('settings.memberInvites')} value={allowMemberInvites} onChange={setAllowMemberInvites} />
        <View className="settings-row">
          <Text className="settings-row__label">{t('settings.cooldown')}</Text>
          <Input id="settings-cooldown" className="settings-input settings-input--short" type="number" maxlength={COOLDOWN_DIGITS} value={cooldown} onInput={(e) => setCooldown(e.detail.value)} />
        </View>
      </View>

      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.questions', { count: questions.length, max: MAX_QUESTIONS })}</Text>
        {questions.map((question, index) => (
          <View key={question.id} id={`settings-question-${index}`} className="settings-question">
            <FormField
              id={`settings-question-label-${index}`}
              maxLength={MAX_QUESTION_LABEL}
              value={question.label}
              placeholder={t('settings.questionLabel')}
              onInput={(label) => edit(index, { label })}
            />
            <View className="settings-question__kinds">
              {KINDS.map((kind) => (
                <Button key={kind} id={`settings-question-kind-${index}-${kind}`} size="mini" type={question.kind === kind ? 'primary' : 'default'} onClick={() => edit(index, { kind })}>
                  {t(`settings.kind.${kind}`)}
                </Button>
              ))}
              <Button id={`settings-question-required-${index}`} size="mini" type={question.required ? 'primary' : 'default'} onClick={() => edit(index, { required: !question.required })}>
                {question.required ? t('settings.required') : t('settings.optional')}
              </Button>
              <Button id={`settings-question-remove-${index}`} size="mini" type="danger" fill="outline" onClick={() => setQuestions((qs) => qs.filter((_, i) => i !== index))}>
                {t('settings.remove')}
              </Button>
            </View>
            {question.kind === 'choice' && (
              <FormField
                id={`settings-question-options-${index}`}
                maxLength={OPTIONS_TEXT_MAX}
                value={question.optionsText}
                placeholder={t('settings.optionsHint')}
                onInput={(optionsText) => edit(index, { optionsText })}
              />
            )}
          </View>
        ))}
        {questions.length < MAX_QUESTIONS && (
          <Button
            id="settings-add-question"
            size="small"
            fill="outline"
            onClick={() => setQuestions((qs) => [...qs, { id: nextQuestionId(qs), kind: 'text', label: '', required: true, optionsText: '' }])}
          >
            {t('settings.addQuestion')}
          </Button>
        )}
      </View>

      <View id="settings-auto" className="settings-section">
        <Text className="settings-section__title">{t('settings.autoTitle')}</Text>
        <Toggle id="settings-auto-inviter" label={t('settings.autoInviter')} value={auto.activeInviter} onChange={(activeInviter) => setAuto((a) => ({ ...a, activeInviter }))} />
        {auto.activeInviter && (
          <>
            <View className="settings-row">
              <Text className="settings-row__label">{t('settings.autoInviterDays')}</Text>
              <Input id="settings-auto-days" className="settings-input settings-input--short" type="number" maxlength={ACTIVE_DAYS_DIGITS} value={activeDays} onInput={(e) => setActiveDays(e.detail.value)} />
            </View>
            <Toggle id="settings-auto-phone" label={t('settings.autoPhone')} value={auto.requireVerifiedPhone} onChange={(requireVerifiedPhone) => setAuto((a) => ({ ...a, requireVerifiedPhone }))} />
            <Text className="settings-hint">{t('settings.autoAnswers')}</Text>
          </>
        )}
        {ownInvite !== '' && (
          <Toggle
            id="settings-auto-own-invite"
            label={t('settings.autoOwnInvite')}
            value={ownTrusted}
            onChange={(on) => setAuto((a) => ({ ...a, trustedInviteIds: on ? [...a.trustedInviteIds, ownInvite] : a.trustedInviteIds.filter((id) => id !== ownInvite) }))}
          />
        )}
        {otherTrusted > 0 && <Text id="settings-auto-other-invites" className="settings-hint">{t('settings.autoOtherInvites', { count: otherTrusted })}</Text>}
      </View>

      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.templates')}</Text>
        <FormField id="settings-templates" multiline controlClassName="settings-input--area" maxLength={TEMPLATES_TEXT_MAX} value={templates} onInput={setTemplates} />
      </View>

      {message !== '' && (
        <Text id="settings-message" className="settings-message">
          {message}
        </Text>
      )}
      <Button id="settings-save" type="primary" block loading={update.busy} onClick={save}>
        {t('settings.save')}
      </Button>
    </View>
  )
}

function Toggle({ id, label, value, onChange }: { id: string; label: string; value: boolean; onChange: (value: boolean) => void }) {
  return (
    <View className="settings-row">
      <Text className="settings-row__label">{label}</Text>
      <Button id={id} size="mini" type={value ? 'primary' : 'default'} onClick={() => onChange(!value)}>
        {value ? t('settings.on') : t('settings.off')}
      </Button>
    </View>
  )
}
