/** The one table of subscribe-message templates: ids per deployment, keywords per template. */
import { SUBSCRIBE_TEMPLATES, configuredTemplateIds, withTemplateIds } from '../../contracts/subscribe-templates'

describe('subscribe templates', () => {
  it('ship unconfigured: no page asks for a subscription until an id is filled in', () => {
    expect(configuredTemplateIds(SUBSCRIBE_TEMPLATES, ['applicationDecided', 'checkinReminder'])).toEqual([])
  })

  it('give tests and deployments their own ids without changing the shipped table', () => {
    const table = withTemplateIds(SUBSCRIBE_TEMPLATES, { checkinReminder: 'tmpl_checkin' })
    expect(configuredTemplateIds(table, ['applicationDecided', 'checkinReminder'])).toEqual(['tmpl_checkin'])
    expect(configuredTemplateIds(table, ['applicationDecided'])).toEqual([])
    expect(SUBSCRIBE_TEMPLATES.checkinReminder.id).toBe('')
    expect(table.checkinReminder.keywords).toBe(SUBSCRIBE_TEMPLATES.checkinReminder.keywords)
  })

  it('fill the keywords, keeping thing values within WeChat’s 20 characters', () => {
    expect(SUBSCRIBE_TEMPLATES.checkinReminder.keywords({ group: '早起读书会·郑州3群' })).toEqual({
      thing1: { value: '早起读书会·郑州3群' },
      thing2: { value: '今天还没打卡，读完来打卡吧' },
    })
    const long = '一二三四五六七八九十一二三四五六七八九十多出来的'
    expect(SUBSCRIBE_TEMPLATES.applicationDecided.keywords({ group: long, result: '未通过', note: long, time: '2026-11-23 10:00' })).toEqual({
      thing1: { value: long.slice(0, 20) },
      phrase2: { value: '未通过' },
      thing3: { value: long.slice(0, 20) },
      time4: { value: '2026-11-23 10:00' },
    })
  })
})
