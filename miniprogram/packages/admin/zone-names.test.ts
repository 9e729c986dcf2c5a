import { COMMON_TIMEZONES } from '../../../domain/group-settings'
import { zoneLabel, zoneName } from './zone-names'

describe('zone names', () => {
  it('names a common zone in Chinese and keeps any other zone’s IANA name', () => {
    expect(zoneName('Asia/Shanghai')).toBe('北京时间')
    expect(zoneLabel('Asia/Shanghai')).toBe('北京时间 · Asia/Shanghai')
    expect(zoneName('America/Lima')).toBe('America/Lima')
    expect(zoneLabel('America/Lima')).toBe('America/Lima')
  })

  it('has a Chinese name for every common zone', () => {
    for (const zone of COMMON_TIMEZONES) expect(zoneName(zone)).not.toBe(zone)
  })
})
