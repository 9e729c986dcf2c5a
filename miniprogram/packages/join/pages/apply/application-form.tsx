/**
 * The apply page's form: the rules with the accept box, the intro (姓名-地区-职业, a few words), the
 * group's questions, the phone threshold, and submit. It is checked with the same schema the function
 * uses (contracts/admission.ts `applicationFormSchema`) before sending; every text box is a FormField
 * capped at the schema's limits. In WeChat the phone comes from the getPhoneNumber button (its code is
 * exchanged on the server) and the decision subscribe message is asked at submit; the H5 build takes a
 * typed number.
 */
import { useEffect, useRef, useState } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ANSWER_LIMITS, INTRO_LIMITS, applicationFormSchema, formErrors, submitApplication, type ApplyPageView } from '../../../../../contracts/admission'
import { MAINLAND_MOBILE_DIGITS, isOpen, type ApplicationQuestion } from '../../../../../domain/admission'
import { t } from '../../../../../i18n/strings'
import FormField from '../../../../components/form-field'
import { useAction } from '../../../../hooks/use-action'
import { draftKey, fieldControlId, firstErrorPath, formFrom, hasContent, parseDraft, type ApplyFormState } from './utils'

type IntroField = keyof ApplyFormState['intro']

export default function ApplicationForm({ view, onSubmitted }: { view: ApplyPageView; onSubmitted: () => void }) {
  const { group, questions, requirePhone, myApplication } = view
  // An unsent draft kept on the phone comes back when the page is opened again.
  const [restored] = useState(() => readDraft(group.id))
  const [form, setForm] = useState<ApplyFormState>(() => restored ?? formFrom(myApplication))
  const [accepted, setAccepted] = useState(false)
  const [phoneCode, setPhoneCode] = useState('')
  /** The page's own checks before sending; the server's field messages come from `submit.fields`. */
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState('')
  const submit = useAction(submitApplication)
  const errors = { ...submit.fields, ...checkErrors }
  const message = notice || submit.error

  const firstRun = useRef(true)
  useEffect(() => {
    // Not on the first render: the draft (if any) was already chosen over the saved application.
    if (firstRun.current) {
      firstRun.current = false
      return
    }
    setForm(formFrom(myApplication))
  }, [myApplication])

  // Every change is kept as the draft; an empty form leaves none.
  useEffect(() => {
    try {
      if (hasContent(form)) Taro.setStorageSync(draftKey(group.id), form)
      else Taro.removeStorageSync(draftKey(group.id))
    } catch {
      // Storage full or unavailable: the form still works, only the draft is not kept.
    }
  }, [form, group.id])

  /** Bring the first field with an error into view (after it rendered its message). */
  const scrollToFirstError = (fieldErrors: Record<string, string>) => {
    const path = firstErrorPath(fieldErrors, questions.map((q) => q.id))
    const id = path ? fieldControlId(path) : null
    if (!id) return
    setTimeout(() => {
      Taro.pageScrollTo({ selector: `#${id}-error`, offsetTop: -120, duration: 200 }).catch(() => undefined)
    }, 50)
  }

  const setIntro = (field: IntroField, value: string) => setForm((f) => ({ ...f, intro: { ...f.intro, [field]: value } }))
  const setAnswer = (id: string, value: string) => setForm((f) => ({ ...f, answers: { ...f.answers, [id]: value } }))

  async function send() {
    setNotice('')
    submit.reset()
    if (!accepted) {
      setCheckErrors({})
      setNotice(t('admission.validate.acceptRules'))
      return
    }
    const phoneFromButton = process.env.TARO_ENV === 'weapp'
    const schema = applicationFormSchema(questions, { requirePhone: requirePhone && !phoneFromButton })
    const fieldErrors = formErrors(schema, phoneFromButton ? { ...form, phone: '' } : form)
    if (requirePhone && phoneFromButton && !phoneCode) {
      const all = { ...(fieldErrors ?? {}), phone: t('admission.validate.phone') }
      setCheckErrors(all)
      scrollToFirstError(all)
      return
    }
    if (fieldErrors) {
      setCheckErrors(fieldErrors)
      scrollToFirstError(fieldErrors)
      return
    }
    setCheckErrors({})
    const subscribed = await askForSubscription(view.subscribeTemplateIds)
    const saved = await submit.run({
      groupId: group.id,
      inviteId: view.inviteId,
      rulesVersion: group.rules.version,
      acceptRules: true,
      intro: form.intro,
      answers: form.answers,
      ...(phoneFromButton ? (phoneCode ? { phoneCode } : {}) : form.phone ? { phone: form.phone } : {}),
      subscribedTemplateIds: subscribed,
    })
    if (saved) {
      try {
        Taro.removeStorageSync(draftKey(group.id))
      } catch {
        // nothing kept, nothing to clear
      }
      setNotice(t('apply.submitted'))
      onSubmitted()
    }
  }

  const introField = (field: IntroField, id: string, multiline = false) => (
    <FormField
      id={id}
      label={t(`apply.${field}`)}
      value={form.intro[field]}
      error={errors[`intro.${field}`]}
      maxLength={INTRO_LIMITS[field]}
      multiline={multiline}
      autoHeight={multiline}
      onInput={(value) => setIntro(field, value)}
    />
  )

  return (
    <View id="apply-form">
      {restored && (
        <Text id="apply-draft-restored" className="apply-notice">
          {t('apply.draftRestored')}
        </Text>
      )}
      <View id="apply-rules" className="apply-section">
        <Text className="apply-section__title">{`${t('group.rules')} · ${t('group.rulesVersion', { version: group.rules.version })}`}</Text>
        {group.rules.clauses.map((clause, index) => (
          <View key={index} className="apply-rules__clause">
            <Text className="apply-rules__number">{`${index + 1}.`}</Text>
            <Text>{clause}</Text>
          </View>
        ))}
        <View id="apply-accept-rules" className={accepted ? 'apply-accept is-checked' : 'apply-accept'} onClick={() => setAccepted((a) => !a)}>
          <Text className="apply-accept__box">{accepted ? '✓' : ''}</Text>
          <Text>{t('apply.acceptRules', { version: group.rules.version })}</Text>
        </View>
      </View>

      <View className="apply-section">
        <Text className="apply-section__title">{t('apply.introTitle')}</Text>
        <Text className="apply-card__meta">{t('apply.introHint')}</Text>
        {introField('name', 'apply-name')}
        {introField('region', 'apply-region')}
        {introField('occupation', 'apply-occupation')}
        {introField('about', 'apply-about', true)}
      </View>

      {questions.length > 0 && (
        <View className="apply-section">
          <Text className="apply-section__title">{t('apply.questions')}</Text>
          {questions.map((question) => (
            <QuestionField key={question.id} question={question} value={form.answers[question.id] ?? ''} error={errors[`answers.${question.id}`]} onChange={(v) => setAnswer(question.id, v)} />
          ))}
        </View>
      )}

      {(requirePhone || process.env.TARO_ENV !== 'weapp') && (
        <View className="apply-section">
          {process.env.TARO_ENV === 'weapp' ? (
            <View className="apply-field">
              <Text className="apply-field__label">{t('apply.phone')}</Text>
              <TaroButton id="apply-phone-button" size="mini" openType="getPhoneNumber" onGetPhoneNumber={(e) => setPhoneCode(e.detail.code ?? '')}>
                {phoneCode ? t('apply.phoneGranted') : t('apply.phoneButton')}
              </TaroButton>
              {errors.phone && <Text className="apply-error">{errors.phone}</Text>}
            </View>
          ) : (
            <FormField
              id="apply-phone"
              label={requirePhone ? t('apply.phone') : `${t('apply.phone')}${t('apply.optional')}`}
              value={form.phone}
              error={errors.phone}
              maxLength={MAINLAND_MOBILE_DIGITS}
              type="number"
              onInput={(v) => setForm((f) => ({ ...f, phone: v }))}
            />
          )}
        </View>
      )}

      {message !== '' && (
        <Text id="apply-message" className="apply-notice">
          {message}
        </Text>
      )}
      <View className="apply-submit">
        <Button id="apply-submit" type="primary" block loading={submit.busy} onClick={send}>
          {myApplication && isOpen(myApplication.status) ? t('apply.update') : t('apply.submit')}
        </Button>
      </View>
    </View>
  )
}

/** WeChat only: ask for the decision message; resolves to the template ids the person accepted. */
async function askForSubscription(templateIds: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return []
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, string>
    return templateIds.filter((id) => result[id] === 'accept')
  } catch {
    return []
  }
}

function QuestionField(props: { question: ApplicationQuestion; value: string; error?: string; onChange: (value: string) => void }) {
  const { question } = props
  const label = question.required ? question.label : `${question.label}${t('apply.optional')}`
  if (question.kind === 'choice') {
    return (
      <View className="apply-field">
        <Text className="apply-field__label">{label}</Text>
        <View className="apply-choices">
          {question.options.map((option, index) => (
            <Button
              key={option}
              id={`question-${question.id}-${index}`}
              size="small"
              type={props.value === option ? 'primary' : 'default'}
              onClick={() => props.onChange(props.value === option ? '' : option)}
            >
              {option}
            </Button>
          ))}
        </View>
        {props.error && (
          <Text id={`question-${question.id}-error`} className="apply-error">
            {props.error}
          </Text>
        )}
      </View>
    )
  }
  const paragraph = question.kind === 'paragraph'
  return (
    <FormField
      id={`question-${question.id}`}
      label={label}
      value={props.value}
      error={props.error}
      maxLength={paragraph ? ANSWER_LIMITS.paragraph : ANSWER_LIMITS.text}
      multiline={paragraph}
      autoHeight={paragraph}
      onInput={props.onChange}
    />
  )
}

function readDraft(groupId: string): ApplyFormState | null {
  try {
    const draft = parseDraft(Taro.getStorageSync(draftKey(groupId)))
    return draft && hasContent(draft) ? draft : null
  } catch {
    return null
  }
}
