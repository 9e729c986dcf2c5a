/**
 * Every cloud function's platform-free handler by name: what the local runtime serves at
 * `POST /api/<name>` and what tests (including the weapp page tests) call in place of WeChat.
 *
 * @example
 *   const result = await invokeFunction(store, 'group', { action: 'getProfile', input: { groupId } }, userCaller('o_alice'))
 */
import type { ActionResult, FunctionName } from '../contracts/define'
import { FUNCTION_NAMES } from '../contracts/define'
import type { FunctionHandler } from '../platform/dispatch'
import type { RateLimiter } from '../platform/rate-limit'
import type { Store } from '../store/port'
import { groupFunction } from '../cloudfunctions/group/handlers'
import { setupFunction } from '../cloudfunctions/setup/handlers'
import { createAdmissionFunction } from '../cloudfunctions/admission/handlers'
import { createAdmissionPurgeFunction } from '../cloudfunctions/admissionPurge/handlers'
import { membersFunction } from '../cloudfunctions/members/handlers'
import { inboxFunction } from '../cloudfunctions/inbox/handlers'
import { boardFunction } from '../cloudfunctions/board/handlers'
import { createCheckinFunction } from '../cloudfunctions/checkin/handlers'
import { createPhotoCleanupFunction } from '../cloudfunctions/photoCleanup/handlers'
import { createRemindersFunction } from '../cloudfunctions/reminders/handlers'
import { createParticipationFunction } from '../cloudfunctions/participation/handlers'
import { createTallyFunction } from '../cloudfunctions/tally/handlers'
import { localExportStorage } from '../platform/export-files-local'
import { createLotteryFunction } from '../cloudfunctions/lottery/handlers'
import { CRYPTO_RANDOM } from '../platform/random'
import { createLocalWechatServices } from '../platform/wechat-services-local'
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplates } from '../contracts/subscribe-templates'
import type { Caller } from '../usecases/context'
import type { WechatServices } from '../usecases/ports/wechat'
import type { RandomSource } from '../usecases/ports/random'
import type { ExportStorage } from '../usecases/ports/exports'

/** Invite QR codes encode `<PUBLIC_URL>/packages/join/pages/apply/index?scene=…` (`ROUTES.apply`) (default: the runtime's own address). */
export const localWechatServices = createLocalWechatServices({
  appBaseUrl: process.env.PUBLIC_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '8787'}`,
})

export interface FunctionDependencies {
  /** The WeChat-only services (local: QR images, recorded subscribe messages). */
  wechat: WechatServices
  /** The subscribe-message templates: ids and keywords (`contracts/subscribe-templates.ts`). */
  templates: SubscribeTemplates
  /** The secure random source (lottery seeds and entry ids); `node:crypto` unless a test gives a deterministic one. */
  random?: RandomSource
  /** Where exports go (and the export cleanup deletes them): the runtime's memory unless a test gives another. */
  exports?: ExportStorage
}

/** Every function's handler, wired to these services and templates. */
export function createFunctionHandlers({ wechat, templates, random = CRYPTO_RANDOM, exports = localExportStorage }: FunctionDependencies): Record<FunctionName, FunctionHandler> {
  return {
    group: groupFunction,
    setup: setupFunction,
    admission: createAdmissionFunction(wechat, templates),
    admissionPurge: createAdmissionPurgeFunction(wechat, templates),
    members: membersFunction,
    inbox: inboxFunction,
    board: boardFunction,
    checkin: createCheckinFunction(wechat),
    reminders: createRemindersFunction(wechat, templates),
    photoCleanup: createPhotoCleanupFunction(wechat, exports),
    participation: createParticipationFunction(wechat, templates, exports),
    tally: createTallyFunction(),
    lottery: createLotteryFunction({ random, wechat, templates, exports }),
  }
}

/** What the runtime serves: the local WeChat services and this deployment's template table. */
export const FUNCTION_HANDLERS = createFunctionHandlers({ wechat: localWechatServices, templates: SUBSCRIBE_TEMPLATES })

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name)
}

export interface InvokeOptions {
  now?: () => Date
  /** The runtime's rate limiter; none: nothing is limited. */
  rateLimiter?: RateLimiter
  /** Handlers wired differently (e.g. another template table); the runtime's own by default. */
  handlers?: Record<FunctionName, FunctionHandler>
}

/** Run function `name` for `caller`, whom the runtime decided (an HTTP request is a user or a stranger, never more). */
export function invokeFunction(
  store: Store,
  name: FunctionName,
  event: unknown,
  caller: Caller,
  options: InvokeOptions = {},
): Promise<ActionResult<unknown>> {
  return (options.handlers ?? FUNCTION_HANDLERS)[name](event, { store, caller, now: options.now ?? (() => new Date()), rateLimiter: options.rateLimiter })
}
