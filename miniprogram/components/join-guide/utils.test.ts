import { joinWays } from './utils'

describe('joinWays', () => {
  it('lists the group QR, the personal QR and the instructions that are there, in that order', () => {
    expect(joinWays({ groupQrUrl: 'a', personalQrUrl: 'b', instructions: '说明' })).toEqual(['groupQr', 'personalQr', 'instructions'])
    expect(joinWays({ groupQrUrl: null, personalQrUrl: 'b', instructions: '  ' })).toEqual(['personalQr'])
    expect(joinWays({ groupQrUrl: null, personalQrUrl: null, instructions: '' })).toEqual([])
  })
})
