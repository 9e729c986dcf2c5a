/**
 * A month calendar of one member's check-ins: checked days filled, make-ups (补卡) marked 补, today ringed.
 * Each day cell has the id `calendar-day-<YYYY-MM-DD>` and a `data-state` of checked / makeup / empty.
 */
import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n/strings'
import { monthGrid, WEEKDAY_LABELS } from './utils'
import './index.scss'

export interface CheckinCalendarProps {
  month: string
  days: Array<{ day: string; makeUp: boolean }>
  today: string
}

export default function CheckinCalendar({ month, days, today }: CheckinCalendarProps) {
  const rows = monthGrid(month, days, today)
  return (
    <View id="checkin-calendar" className="checkin-calendar">
      <Text className="checkin-calendar__title">{t('checkin.calendarTitle', { month })}</Text>
      <View className="checkin-calendar__row">
        {WEEKDAY_LABELS.map((label) => (
          <Text key={label} className="checkin-calendar__weekday">
            {label}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} className="checkin-calendar__row">
          {row.map((cell, c) =>
            cell === null ? (
              <View key={c} className="checkin-calendar__cell is-blank" />
            ) : (
              <View
                key={c}
                id={`calendar-day-${cell.day}`}
                data-state={cell.makeUp ? 'makeup' : cell.checked ? 'checked' : 'empty'}
                className={`checkin-calendar__cell${cell.checked ? ' is-checked' : ''}${cell.makeUp ? ' is-makeup' : ''}${cell.today ? ' is-today' : ''}`}
              >
                <Text className="checkin-calendar__date">{cell.checked ? (cell.makeUp ? `${cell.date}补` : `${cell.date}✓`) : String(cell.date)}</Text>
              </View>
            ),
          )}
        </View>
      ))}
    </View>
  )
}
