import { cloudPhotoPath } from './photo-path'

describe('cloudPhotoPath', () => {
  it('keeps cloud paths to known image extensions', () => {
    expect(cloudPhotoPath('g1', '2026-11-23', 'abc', 'PNG')).toBe('checkins/g1/2026-11-23/abc.png')
    expect(cloudPhotoPath('g1', '2026-11-23', 'abc', 'exe')).toBe('checkins/g1/2026-11-23/abc.jpg')
  })
})
