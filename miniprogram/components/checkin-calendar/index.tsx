/**
 * A month calendar of one member's check-ins: checked days filled, make-ups (补卡) marked 补, today ringed, the
 * tapped day selected; ‹ › change the month (not past the current one). Each day cell has the id
 * `calendar-day-<YYYY-MM-DD>` and a `data-state` of checked / makeup / empty; days to come cannot be tapped.
 */
import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n/strings'
import { monthGrid, monthOfDayKey as monthOf, shiftMonthKey, WEEKDAY_LABELS } from './utils'
import './index.scss'

export interface CheckinCalendarProps {
  month: string
  days: Array<{ day: string; makeUp: boolean }>
  today: string
  /** The tapped day, ringed. */
  selected?: string | null
  onSelect?: (day: string) => void
  /** Show this month instead (‹ the one before, › the one after, never past today's month). */
  onMonth?: (month: string) => void
  loading?: boolean
}

export default function CheckinCalendar({ month, days, today, selected = null, onSelect, onMonth, loading = false }: CheckinCalendarProps) {
  const rows = monthGrid(month, days, today)
  const hasNext = month < monthOf(today)
  return (
    <View id="checkin-calendar" className={`checkin-calendar${loading ? ' is-loading' : ''}`} data-month={month}>
      <View className="checkin-calendar__header">
        {onMonth && (
          <View id="calendar-prev" className="checkin-calendar__nav" aria-label={t('checkin.prevMonth')} onClick={() => onMonth(shiftMonthKey(month, -1))}>
            <Text>‹</Text>
          </View>
        )}
        <Text id="calendar-title" className="checkin-calendar__title">
          {t('checkin.calendarTitle', { month })}
        </Text>
        {onMonth && (
          <View
            id="calendar-next"
            className={`checkin-calendar__nav${hasNext ? '' : ' is-disabled'}`}
            aria-label={t('checkin.nextMonth')}
            onClick={() => (hasNext ? onMonth(shiftMonthKey(month, 1)) : undefined)}
          >
            <Text>›</Text>
          </View>
        )}
      </View>
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
                className={`checkin-calendar__cell${cell.checked ? ' is-checked' : ''}${cell.makeUp ? ' is-makeup' : ''}${cell.today ? ' is-today' : ''}${cell.day === selected ? ' is-selected' : ''}${cell.day > today ? ' is-future' : ''}`}
                onClick={() => (onSelect && cell.day <= today ? onSelect(cell.day) : undefined)}
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
