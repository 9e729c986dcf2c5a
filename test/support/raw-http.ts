/**
 * One HTTP/1.1 request written byte for byte on a socket, for request targets and headers that fetch and
 * http.request would normalise or refuse (`*`, `//x`, NUL, backslashes, a foreign Host).
 *
 * @example
 *   const { status, headers, body } = await rawRequest(runtime.url, 'GET /..%5cetc HTTP/1.1', { Host: '127.0.0.1' })
 */
import net from 'node:net'

export interface RawResponse {
  status: number
  /** Header names in lower case. */
  headers: Record<string, string>
  body: string
}

/** Send `requestLine` with `headers` (Host defaults to the URL's) and an optional body; read until the server closes. */
export function rawRequest(baseUrl: string, requestLine: string, headers: Record<string, string> = {}, body = ''): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  const allHeaders: Record<string, string> = { Host: `${hostname}:${port}`, ...headers, Connection: 'close' }
  if (body) allHeaders['Content-Length'] = String(Buffer.byteLength(body))
  const head = [requestLine, ...Object.entries(allHeaders).map(([name, value]) => `${name}: ${value}`)].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''))
    const chunks: Buffer[] = []
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(requestLine)}`)))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [headText, ...rest] = text.split('\r\n\r\n')
      const [statusLine, ...headerLines] = headText.split('\r\n')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN)
      const parsed: Record<string, string> = {}
      for (const line of headerLines) {
        const colon = line.indexOf(':')
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ status, headers: parsed, body: rest.join('\r\n\r\n') })
    })
    socket.write(`${head}\r\n\r\n${body}`)
  })
}
