import { cloudPhotoPath } from './photo-path'

describe('cloudPhotoPath', () => {
  it('appends the nonce and a known image extension to the uploader’s own prefix', () => {
    expect(cloudPhotoPath('checkins/g1/2026-11-23/0123456789abcdef-', 'abc123', 'PNG')).toBe('checkins/g1/2026-11-23/0123456789abcdef-abc123.png')
    expect(cloudPhotoPath('checkins/g1/2026-11-23/0123456789abcdef-', 'abc123', 'exe')).toBe('checkins/g1/2026-11-23/0123456789abcdef-abc123.jpg')
    expect(cloudPhotoPath('checkins/g1/2026-11-23/0123456789abcdef-', '../x', 'png')).toBe('checkins/g1/2026-11-23/0123456789abcdef-x.png')
  })
})
