/**
 * Admission settings (pages/admission-settings/index?id=<groupId>), admins only: the questions applicants
 * answer (short text, paragraph, single choice; required or optional; at most 10), the phone threshold,
 * whether members may invite, the cooldown after a rejection, and the reusable rejection reasons. Checked
 * with the contract's `admissionSettingsSchema` before saving; the function checks again.
 */
import { useEffect, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { MAX_QUESTIONS, admissionSettingsSchema, formErrors, getAdmissionSettings, updateAdmissionSettings, type AdmissionSettingsView } from '../../../contracts/admission'
import type { ApplicationQuestion, QuestionKind } from '../../../domain/admission'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import ErrorState from '../../components/error-state'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import { nextQuestionId, splitLines, splitOptions } from './utils'
import './index.scss'

const KINDS: QuestionKind[] = ['text', 'paragraph', 'choice']

export default function AdmissionSettingsPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const { state, reload } = useActionData(getAdmissionSettings, { groupId }, personaKey)

  return (
    <View className="page settings-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="settings-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <SettingsForm groupId={groupId} initial={state.data} />}
    </View>
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
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setQuestions(initial.questions.map(({ options, ...rest }) => ({ ...rest, optionsText: options.join('，') })))
  }, [initial])

  const update = (index: number, patch: Partial<EditedQuestion>) => setQuestions((qs) => qs.map((q, i) => (i === index ? { ...q, ...patch } : q)))

  async function save() {
    const settings: AdmissionSettingsView = {
      questions: questions.map(({ optionsText, ...rest }) => ({ ...rest, options: rest.kind === 'choice' ? splitOptions(optionsText) : [] })),
      requirePhone,
      allowMemberInvites,
      cooldownDays: Number(cooldown),
      reasonTemplates: splitLines(templates),
    }
    const errors = formErrors(admissionSettingsSchema, settings)
    if (errors) {
      setMessage(Object.values(errors)[0])
      return
    }
    setBusy(true)
    try {
      await callAction(updateAdmissionSettings, { groupId, settings })
      setMessage(t('settings.saved'))
    } catch (error) {
      setMessage(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id="settings-form">
      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.thresholds')}</Text>
        <Toggle id="settings-require-phone" label={t('settings.requirePhone')} value={requirePhone} onChange={setRequirePhone} />
        <Toggle id="settings-member-invites" label={t('settings.memberInvites')} value={allowMemberInvites} onChange={setAllowMemberInvites} />
        <View className="settings-row">
          <Text className="settings-row__label">{t('settings.cooldown')}</Text>
          <Input id="settings-cooldown" className="settings-input settings-input--short" type="number" maxlength={3} value={cooldown} onInput={(e) => setCooldown(e.detail.value)} />
        </View>
      </View>

      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.questions', { count: questions.length, max: MAX_QUESTIONS })}</Text>
        {questions.map((question, index) => (
          <View key={question.id} id={`settings-question-${index}`} className="settings-question">
            <Input
              id={`settings-question-label-${index}`}
              className="settings-input"
              maxlength={60}
              value={question.label}
              placeholder={t('settings.questionLabel')}
              onInput={(e) => update(index, { label: e.detail.value })}
            />
            <View className="settings-question__kinds">
              {KINDS.map((kind) => (
                <Button key={kind} id={`settings-question-kind-${index}-${kind}`} size="mini" type={question.kind === kind ? 'primary' : 'default'} onClick={() => update(index, { kind })}>
                  {t(`settings.kind.${kind}`)}
                </Button>
              ))}
              <Button id={`settings-question-required-${index}`} size="mini" type={question.required ? 'primary' : 'default'} onClick={() => update(index, { required: !question.required })}>
                {question.required ? t('settings.required') : t('settings.optional')}
              </Button>
              <Button id={`settings-question-remove-${index}`} size="mini" type="danger" fill="outline" onClick={() => setQuestions((qs) => qs.filter((_, i) => i !== index))}>
                {t('settings.remove')}
              </Button>
            </View>
            {question.kind === 'choice' && (
              <Input
                id={`settings-question-options-${index}`}
                className="settings-input"
                maxlength={200}
                value={question.optionsText}
                placeholder={t('settings.optionsHint')}
                onInput={(e) => update(index, { optionsText: e.detail.value })}
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

      <View className="settings-section">
        <Text className="settings-section__title">{t('settings.templates')}</Text>
        <Textarea id="settings-templates" className="settings-input settings-input--area" maxlength={700} value={templates} onInput={(e) => setTemplates(e.detail.value)} />
      </View>

      {message !== '' && (
        <Text id="settings-message" className="settings-message">
          {message}
        </Text>
      )}
      <Button id="settings-save" type="primary" block loading={busy} onClick={save}>
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
