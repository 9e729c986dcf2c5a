/** The `inbox` function's actions, platform-free: list the caller's messages, mark them read. */
import { listInbox, markInboxRead } from '../../contracts/inbox'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as inbox from '../../usecases/inbox/read'

export const inboxFunction = createFunctionHandler('inbox', [
  handle(listInbox, (input, ctx) => inbox.listInbox(ctx, input)),
  handle(markInboxRead, (input, ctx) => inbox.markInboxRead(ctx, input)),
])
