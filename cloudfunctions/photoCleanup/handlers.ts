/**
 * The `photoCleanup` function: deletes check-in photo uploads that no check-in used a day after they were
 * made (the record, then the file through the storage port). CloudBase runs it on the timer trigger in
 * config.json (hourly); the local runtime's scheduler reads the same trigger. Timer-only: calls from a mini
 * program user (with an OPENID) are refused (`platform/timer.ts`).
 *
 * @example
 *   const cleanup = createPhotoCleanupFunction(createLocalWechatServices({ appBaseUrl }))
 *   await cleanup({ Type: 'Timer', TriggerName: 'cleanOrphanPhotosHourly' }, { store, caller: timerCaller('cleanOrphanPhotosHourly'), now })
 */
import { cleanOrphanPhotos } from '../../contracts/checkin'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerOnly } from '../../platform/timer'
import * as photos from '../../usecases/photos'

export function createPhotoCleanupFunction(storage: photos.PhotoStorage): FunctionHandler {
  return timerOnly(
    'photoCleanup',
    handle(cleanOrphanPhotos, (_input, ctx) => photos.cleanOrphanPhotos(ctx, storage)),
  )
}
