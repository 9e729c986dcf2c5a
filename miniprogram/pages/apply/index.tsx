/**
 * Apply page (pages/apply/index?scene=<inviteId> | ?id=<groupId>): the group's card and current rules,
 * the accept box, the application form (姓名-地区-职业, a few words, the group's questions, the phone
 * threshold) and, once applied, the status with withdraw. The form is checked with the same schema the
 * function uses (contracts/admission.ts `applicationFormSchema`) before it is sent.
 * In WeChat the phone comes from the getPhoneNumber button (its code is exchanged on the server) and the
 * page asks for the decision subscribe message at submit; the H5 build takes a typed number.
 */
import { useEffect, useState } from 'react'
import { Button as TaroButton, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import {
  applicationFormSchema,
  formErrors,
  getApplyPage,
  submitApplication,
  withdrawApplication,
  type ApplyPageView,
  type MyApplicationView,
} from '../../../contracts/admission'
import type { ApplicationQuestion } from '../../../domain/admission'
import { t } from '../../../i18n/strings'
import { ApiError, callAction, errorMessage } from '../../api/client'
import ErrorState from '../../components/error-state'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import { applyPageInput, emptyForm, shortTime } from './utils'
import './index.scss'
import { pageUrl } from '../../../contracts/routes'

export default function ApplyPage() {
  const params = useRouter().params
  const input = applyPageInput(params)
  const { session, personaKey, choosePersona } = useDevPersona()
  const [version, setVersion] = useState(0)
  const { state, reload } = useActionData(getApplyPage, input ?? { groupId: '' }, `${personaKey}:${version}`)

  return (
    <View className="page apply-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {input === null && <ErrorState id="apply-error" message={t('admission.validate.applyLink')} onRetry={reload} />}
      {input !== null && state.status === 'loading' && <Skeleton rows={8} animated />}
      {input !== null && state.status === 'error' && <ErrorState id="apply-error" message={state.error.message} onRetry={reload} />}
      {input !== null && state.status === 'ready' && <ApplyView view={state.data} onChanged={() => setVersion((n) => n + 1)} />}
    </View>
  )
}

function ApplyView({ view, onChanged }: { view: ApplyPageView; onChanged: () => void }) {
  const { group, myApplication } = view
  const [editing, setEditing] = useState(false)
  const isMember = group.viewerRole !== null
  const reapplyLater = myApplication?.status === 'rejected' && myApplication.reapplyAllowedAt !== null && new Date(myApplication.reapplyAllowedAt) > new Date()
  const showForm = !isMember && !reapplyLater && (myApplication?.status !== 'pending' || editing)

  return (
    <View id="apply-view">
      <View className="apply-card">
        <Text id="apply-group-name" className="apply-card__name">
          {group.name}
        </Text>
        <View className="apply-card__tags">
          <Tag type="primary">{group.topic}</Tag>
          <Tag type={group.seatsLeft > 0 ? 'success' : 'danger'}>
            <Text id="apply-seats">{group.seatsLeft > 0 ? t('group.seatsLeft', { count: group.seatsLeft }) : t('group.full')}</Text>
          </Tag>
        </View>
        <Text className="apply-card__intro">{group.intro}</Text>
        <Text id="apply-member-count" className="apply-card__meta">
          {`${t('group.members', { count: group.memberCount })} · ${t('group.capacity', { capacity: group.capacity })}`}
        </Text>
        {view.inviterName && (
          <Text id="apply-inviter" className="apply-card__meta">
            {t('apply.invitedBy', { name: view.inviterName })}
          </Text>
        )}
      </View>

      {isMember && (
        <View id="apply-member" className="apply-section">
          <Text className="apply-section__title">{t('apply.alreadyMember')}</Text>
          <Button id="apply-open-group" type="primary" block onClick={() => Taro.redirectTo({ url: pageUrl('group', { id: group.id }) })}>
            {t('apply.openGroup')}
          </Button>
        </View>
      )}

      {!isMember && myApplication && (
        <ApplicationStatus application={myApplication} timezone={view.timezone} groupId={group.id} onChanged={onChanged} onEdit={() => setEditing(true)} editing={editing} />
      )}

      {!isMember && group.seatsLeft === 0 && (
        <Text id="apply-full" className="apply-notice">
          {t('apply.fullNotice')}
        </Text>
      )}

      {showForm && (
        <ApplicationFormView
          view={view}
          onSubmitted={() => {
            setEditing(false)
            onChanged()
          }}
        />
      )}
    </View>
  )
}

function ApplicationStatus(props: { application: MyApplicationView; timezone: string; groupId: string; editing: boolean; onChanged: () => void; onEdit: () => void }) {
  const { application } = props
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  async function withdraw() {
    setBusy(true)
    try {
      await callAction(withdrawApplication, { groupId: props.groupId })
      props.onChanged()
    } catch (error) {
      setMessage(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id="apply-status-card" className="apply-section">
      <Text id="apply-status" className="apply-section__title">
        {t('apply.statusTitle', { status: t(`admission.status.${application.status}`) })}
      </Text>
      <Text className="apply-card__meta">{t('apply.submittedAt', { time: shortTime(application.submittedAt, props.timezone) })}</Text>
      <Text className="apply-card__meta">{`${application.intro.name}-${application.intro.region}-${application.intro.occupation}`}</Text>
      {application.status === 'rejected' && (
        <Text id="apply-reject-reason" className="apply-card__meta">
          {t('apply.rejectReason', { reason: application.rejectReason ?? t('admission.noReason') })}
        </Text>
      )}
      {application.reapplyAllowedAt && (
        <Text id="apply-reapply-after" className="apply-card__meta">
          {t('apply.reapplyAfter', { time: shortTime(application.reapplyAllowedAt, props.timezone) })}
        </Text>
      )}
      {application.status === 'pending' && (
        <View className="apply-actions">
          {!props.editing && (
            <Button id="apply-edit" size="small" onClick={props.onEdit}>
              {t('apply.update')}
            </Button>
          )}
          <Button id="apply-withdraw" size="small" type="danger" fill="outline" loading={busy} onClick={withdraw}>
            {t('apply.withdraw')}
          </Button>
        </View>
      )}
      {message !== '' && <Text className="apply-error">{message}</Text>}
    </View>
  )
}

type FormState = ReturnType<typeof emptyForm>

function ApplicationFormView({ view, onSubmitted }: { view: ApplyPageView; onSubmitted: () => void }) {
  const { group, questions, requirePhone, myApplication } = view
  const [form, setForm] = useState<FormState>(() => formFrom(myApplication))
  const [accepted, setAccepted] = useState(false)
  const [phoneCode, setPhoneCode] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setForm(formFrom(myApplication))
  }, [myApplication])

  const setIntro = (field: keyof FormState['intro'], value: string) => setForm((f) => ({ ...f, intro: { ...f.intro, [field]: value } }))
  const setAnswer = (id: string, value: string) => setForm((f) => ({ ...f, answers: { ...f.answers, [id]: value } }))

  async function submit() {
    setMessage('')
    if (!accepted) {
      setErrors({})
      setMessage(t('admission.validate.acceptRules'))
      return
    }
    const phoneFromButton = process.env.TARO_ENV === 'weapp'
    const schema = applicationFormSchema(questions, { requirePhone: requirePhone && !phoneFromButton })
    const fieldErrors = formErrors(schema, phoneFromButton ? { ...form, phone: '' } : form)
    if (requirePhone && phoneFromButton && !phoneCode) {
      setErrors({ ...(fieldErrors ?? {}), phone: t('admission.validate.phone') })
      return
    }
    if (fieldErrors) {
      setErrors(fieldErrors)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const subscribed = await askForSubscription(view.subscribeTemplateIds)
      await callAction(submitApplication, {
        groupId: group.id,
        inviteId: view.inviteId,
        rulesVersion: group.rules.version,
        acceptRules: true,
        intro: form.intro,
        answers: form.answers,
        ...(phoneFromButton ? (phoneCode ? { phoneCode } : {}) : form.phone ? { phone: form.phone } : {}),
        subscribedTemplateIds: subscribed,
      })
      setMessage(t('apply.submitted'))
      onSubmitted()
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fields ?? {})
        setMessage(error.message)
      } else {
        setMessage(t('error.INTERNAL'))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id="apply-form">
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
        <Field id="apply-name" label={t('apply.name')} value={form.intro.name} error={errors['intro.name']} maxlength={20} onInput={(v) => setIntro('name', v)} />
        <Field id="apply-region" label={t('apply.region')} value={form.intro.region} error={errors['intro.region']} maxlength={20} onInput={(v) => setIntro('region', v)} />
        <Field
          id="apply-occupation"
          label={t('apply.occupation')}
          value={form.intro.occupation}
          error={errors['intro.occupation']}
          maxlength={30}
          onInput={(v) => setIntro('occupation', v)}
        />
        <Field id="apply-about" label={t('apply.about')} value={form.intro.about} error={errors['intro.about']} maxlength={300} multiline onInput={(v) => setIntro('about', v)} />
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
            <Field
              id="apply-phone"
              label={requirePhone ? t('apply.phone') : `${t('apply.phone')}${t('apply.optional')}`}
              value={form.phone}
              error={errors.phone}
              maxlength={11}
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
        <Button id="apply-submit" type="primary" block loading={busy} onClick={submit}>
          {myApplication?.status === 'pending' ? t('apply.update') : t('apply.submit')}
        </Button>
      </View>
    </View>
  )
}

function formFrom(application: MyApplicationView | null): FormState {
  if (!application || application.status !== 'pending') return emptyForm()
  const answers: Record<string, string> = {}
  for (const answer of application.answers) answers[answer.questionId] = answer.answer
  return { intro: { ...application.intro }, answers, phone: application.phone ?? '' }
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

function Field(props: {
  id: string
  label: string
  value: string
  error?: string
  maxlength: number
  multiline?: boolean
  type?: 'text' | 'number'
  onInput: (value: string) => void
}) {
  return (
    <View className="apply-field">
      <Text className="apply-field__label">{props.label}</Text>
      {props.multiline ? (
        <Textarea
          id={props.id}
          className="apply-field__textarea"
          value={props.value}
          maxlength={props.maxlength}
          autoHeight
          onInput={(e) => props.onInput(e.detail.value)}
        />
      ) : (
        <Input id={props.id} className="apply-field__input" type={props.type ?? 'text'} value={props.value} maxlength={props.maxlength} onInput={(e) => props.onInput(e.detail.value)} />
      )}
      {props.error && (
        <Text id={`${props.id}-error`} className="apply-error">
          {props.error}
        </Text>
      )}
    </View>
  )
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
  return (
    <Field
      id={`question-${question.id}`}
      label={label}
      value={props.value}
      error={props.error}
      maxlength={question.kind === 'paragraph' ? 500 : 100}
      multiline={question.kind === 'paragraph'}
      onInput={props.onChange}
    />
  )
}

