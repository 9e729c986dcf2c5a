/**
 * One form field: a label, an Input or a Textarea measured against the server's max length (pass the schema's
 * constant, never a number of the page's own), a character counter, and the field's error message.
 * Nothing is cut silently: the control takes what is typed or pasted, and past the limit the counter turns
 * red and the field says by how much (the form's schema, and the server, refuse it until it is shortened).
 * The control carries `id`; the error is `<id>-error`. See README.md.
 *
 * @example
 *   <FormField id="apply-name" label={t('apply.name')} value={name} maxLength={INTRO_LIMITS.name}
 *     error={errors['intro.name']} onInput={setName} />
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import { t } from '../../../i18n/strings'
import { counterText, isOverLimit, overBy } from './utils'
import './index.scss'

export interface FormFieldProps {
  id: string
  label?: string
  value: string
  /** The server's limit for this field (contracts/*.ts, domain/*.ts). */
  maxLength: number
  error?: string
  placeholder?: string
  /** A Textarea instead of an Input. */
  multiline?: boolean
  /** Textarea only: grow with the text instead of a fixed height. */
  autoHeight?: boolean
  type?: 'text' | 'number'
  /** Extra class on the control, for a page's own size (e.g. a taller textarea). */
  controlClassName?: string
  onInput: (value: string) => void
}

export default function FormField(props: FormFieldProps) {
  const error = props.error || overLimitMessage(props.value, props.maxLength)
  const controlClass = ['form-field__control', props.multiline ? 'form-field__control--area' : '', props.controlClassName ?? ''].filter(Boolean).join(' ')
  return (
    <View className="form-field">
      {props.label !== undefined && <Text className="form-field__label">{props.label}</Text>}
      {props.multiline ? (
        <Textarea
          id={props.id}
          className={controlClass}
          value={props.value}
          maxlength={NO_NATIVE_CUT}
          placeholder={props.placeholder}
          autoHeight={props.autoHeight}
          onInput={(e) => props.onInput(e.detail.value)}
        />
      ) : (
        <Input
          id={props.id}
          className={controlClass}
          type={props.type ?? 'text'}
          value={props.value}
          maxlength={NO_NATIVE_CUT}
          placeholder={props.placeholder}
          onInput={(e) => props.onInput(e.detail.value)}
        />
      )}
      <View className="form-field__foot">
        {error ? (
          <Text id={`${props.id}-error`} className="form-field__error">
            {error}
          </Text>
        ) : (
          <Text className="form-field__spacer" />
        )}
        <Text id={`${props.id}-counter`} className={isOverLimit(props.value, props.maxLength) ? 'form-field__counter is-over' : 'form-field__counter'}>
          {counterText(props.value, props.maxLength)}
        </Text>
      </View>
    </View>
  )
}

/** -1: no native cap (WeChat's "no limit"; an invalid, ignored `maxlength` in H5), so a paste is never cut. */
const NO_NATIVE_CUT = -1

function overLimitMessage(value: string, maxLength: number): string {
  return isOverLimit(value, maxLength) ? t('form.overLimit', { max: maxLength, over: overBy(value, maxLength) }) : ''
}
