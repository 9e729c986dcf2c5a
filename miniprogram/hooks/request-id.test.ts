import * as v from 'valibot'
import { requestIdSchema } from '../../contracts/fields'
import { newRequestId } from './request-id'

describe('newRequestId', () => {
  it('is accepted by the server’s schema and differs between forms', () => {
    const ids = Array.from({ length: 50 }, () => newRequestId())
    for (const id of ids) expect(v.safeParse(requestIdSchema, id).success).toBe(true)
    expect(new Set(ids).size).toBe(50)
    expect(newRequestId(0, () => 0)).toBe('0-0000000000')
  })
})
