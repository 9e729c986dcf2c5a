/**
 * The load client of `bench/http.ts`, run in its own child process, as the servers are: the bench's other
 * sections and the modules they load stay out of the process that times the requests. In the bench's own
 * process the client's garbage collector depended on what else that process had loaded: in some runs it
 * promoted the requests in flight (about 3 MB a young collection), and its pauses (5 ms on average, up to
 * 17) were counted in every latency; alone, its pauses averaged about 1 ms and it promoted almost nothing.
 *
 *   node --import tsx bench/http-client.ts    (as a child with IPC; `startClientChild` in bench/http.ts)
 *
 * Asked `{ url, route, concurrency, maxMs }` (a route of `ROUTES` by name, the echo loaded with the first
 * route's requests), it runs `load` and answers `{ result }`, or `{ error }`. One run at a time: the parent
 * waits for each answer. It exits when the parent disconnects.
 */
import { load, ROUTES, type LoadResult } from './http'

export interface LoadRequest {
  url: string
  route: string
  concurrency: number
  maxMs: number
}

export type LoadAnswer = { result: LoadResult } | { error: string }

async function answer(request: LoadRequest): Promise<LoadAnswer> {
  const route = ROUTES.find((candidate) => candidate.name === request.route)
  if (!route) return { error: `no route named ${request.route}` }
  try {
    return { result: await load(request.url, route, request.concurrency, request.maxMs) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

if (require.main === module) {
  if (!process.send) throw new Error('usage: node --import tsx bench/http-client.ts (as a child with IPC)')
  process.on('message', (request: LoadRequest) => {
    void answer(request).then((reply) => process.send!(reply))
  })
  process.on('disconnect', () => process.exit(0))
  process.send('ready')
}
