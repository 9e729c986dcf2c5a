/** A date or time field that looks tappable: label, bordered box with an icon, the value and a chevron. See README.md. */
import { Picker, Text, View } from '@tarojs/components'
import { pickerText } from './utils'
import './index.scss'

export interface PickerFieldProps {
  id: string
  mode: 'date' | 'time'
  label: string
  value: string
  /** The earliest day (date mode), `YYYY-MM-DD`. */
  start?: string
  end?: string
  onChange: (value: string) => void
}

export default function PickerField({ id, mode, label, value, start, end, onChange }: PickerFieldProps) {
  return (
    <View className={`picker-field picker-field--${mode}`}>
      <Text className="picker-field__label">{label}</Text>
      <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className="picker-field__box">
          <View className={`picker-field__icon picker-field__icon--${mode}`} />
          <Text id={`${id}-value`} className="picker-field__value">
            {pickerText(mode, value)}
          </Text>
          <View className="picker-field__chevron" />
        </View>
      </Picker>
    </View>
  )
}
