/**
 * The client's id for one create (`requestIdSchema` in contracts/fields.ts): made when a form opens, sent with
 * every try of that create — a retry after a timeout, a double tap — so the server answers with what the first
 * try made; renewed once the create succeeded, for the next one. Pure (request-id.test.ts) plus the hook.
 *
 * @example
 *   const request = useRequestId()
 *   if (await post.run({ groupId, title, body, requestId: request.id })) request.renew()
 */
import { useCallback, useState } from 'react'

/** 8–64 characters of [A-Za-z0-9_-]: the time in base 36 and 10 random base-36 characters. */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = ''
  while (tail.length < 10) tail += Math.floor(random() * 36).toString(36)
  return `${now.toString(36)}-${tail}`
}

export function useRequestId(): { id: string; renew: () => void } {
  const [id, setId] = useState(() => newRequestId())
  const renew = useCallback(() => setId(newRequestId()), [])
  return { id, renew }
}
