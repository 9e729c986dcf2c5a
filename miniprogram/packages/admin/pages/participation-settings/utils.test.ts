import { DEFAULT_PARTICIPATION_SETTINGS } from '../../../../../domain/participation'
import { formOf, goalPreview, parseForm } from './utils'

describe('participation settings form', () => {
  it('round-trips the saved settings', () => {
    const settings = { ...DEFAULT_PARTICIPATION_SETTINGS, goal: { kind: 'streak' as const, days: 21, reward: '书' } }
    const form = formOf(settings)
    expect(form.points.checkin).toBe('10')
    expect(form).toMatchObject({ inactiveDays: '7', goalOn: true, goalKind: 'streak', goalDays: '21', goalReward: '书' })
    expect(parseForm(form)).toEqual({ input: settings })
  })

  it('sends no goal when it is off, whatever the goal fields say', () => {
    const form = { ...formOf(DEFAULT_PARTICIPATION_SETTINGS), goalDays: 'abc' }
    expect(parseForm(form)).toEqual({ input: DEFAULT_PARTICIPATION_SETTINGS })
  })

  it('names every field that is not a whole number in range, and sends nothing', () => {
    const form = formOf(DEFAULT_PARTICIPATION_SETTINGS)
    const parsed = parseForm({ ...form, points: { ...form.points, makeUp: '101' }, inactiveDays: '1', goalOn: true, goalDays: '2.5' })
    expect(parsed).toEqual({
      errors: {
        'points.makeUp': '请填写 0–100 之间的整数',
        inactiveDays: '请填写 2–90 之间的整数',
        'goal.days': '请填写 1–365 之间的整数',
      },
    })
  })

  it('previews the goal as members read it', () => {
    expect(goalPreview('streak', 21, '书')).toBe('连续打卡 21 天送书')
    expect(goalPreview('streak', 21, '送书')).toBe('连续打卡 21 天送书')
    expect(goalPreview('total', 30, '')).toBe('累计打卡 30 天')
  })
})
