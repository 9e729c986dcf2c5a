/**
 * The local runtime as a child process, the way people run it: `npm start` (or `node --import tsx
 * local-runtime/main.ts` directly) on a free port and its own DATA_DIR, without the H5 build. Resolves
 * once the process prints the address it is listening on.
 *
 * @example
 *   const runtime = await startRuntimeProcess({ via: 'npm', dataDir })
 *   await fetch(`${runtime.url}/api/_dev/session`)
 *   runtime.child.kill('SIGTERM'); await runtime.closed
 *   runtime.signalGroup('SIGKILL')   // cleanup: nothing of it survives the test
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '../..')

export interface RuntimeProcess {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process (and npm) printed so far. */
  output(): string
  /** The direct child's exit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves when every process holding the output pipes (npm, its shell, the runtime) has exited. */
  closed: Promise<void>
  /** Signal the whole process group, as Ctrl+C in a terminal does (the child leads its own group). */
  signalGroup(signal: NodeJS.Signals): void
}

export interface RuntimeProcessOptions {
  via: 'npm' | 'node'
  dataDir: string
  env?: Record<string, string>
  /** How long to wait for the address line. */
  timeoutMs?: number
}

/** Spawn the runtime; rejects with its output when it exits or stays silent before listening. */
export function startRuntimeProcess(options: RuntimeProcessOptions): Promise<RuntimeProcess> {
  const [command, args] = options.via === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'local-runtime/main.ts']]
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: options.dataDir, SKIP_H5_BUILD: '1', DEV_MODE: '1', SEED_DEMO: '1', PUBLIC_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, like a terminal job: Ctrl+C and the final SIGKILL reach npm, its shell and the runtime.
    detached: true,
  })
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // the group has already exited
    }
  }
  let output = ''
  let pipesOpen = 2
  let markClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => (markClosed = resolve))
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8')
    stream.on('data', (text: string) => (output += text))
    stream.on('close', () => --pipesOpen === 0 && markClosed())
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`${why}\n--- output ---\n${output}`))
    }
    const timer = setTimeout(() => {
      signalGroup('SIGKILL')
      fail('the runtime did not print its address in time')
    }, options.timeoutMs ?? 20000)
    void exited.then(({ code, signal }) => fail(`the runtime exited before listening (code ${code}, signal ${signal})`))
    const poll = setInterval(() => {
      const match = /Local runtime: (http:\/\/[^\s]+)/.exec(output)
      if (!match) return
      clearInterval(poll)
      clearTimeout(timer)
      const url = match[1]
      resolve({ url, port: Number(new URL(url).port), child, output: () => output, exited, closed, signalGroup })
    }, 50)
  })
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Resolves with how long `done` took, or rejects after `ms`. */
export async function within<T>(ms: number, what: string, done: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)))
  try {
    return await Promise.race([done, timeout])
  } finally {
    clearTimeout(timer)
  }
}
