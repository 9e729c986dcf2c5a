/**
 * The `photoCleanup` function, the storage cleanup's timer jobs: deletes check-in photo uploads that no
 * check-in used a day after they were made (the record, then the file through the storage port), and saved
 * export files (CSV) once their link expired (the file through the export port, then its record). CloudBase
 * runs them on the timer triggers in config.json (both hourly); the local runtime's scheduler reads the same
 * triggers. Timer-only: calls from a mini program user (with an OPENID), a stranger or the console are
 * refused (`platform/timer.ts`).
 *
 * @example
 *   const cleanup = createPhotoCleanupFunction(createLocalWechatServices({ appBaseUrl }), localExportStorage)
 *   await cleanup({ Type: 'Timer', TriggerName: 'cleanOrphanPhotosHourly' }, { store, caller: timerCaller('cleanOrphanPhotosHourly'), now })
 *   await cleanup({ Type: 'Timer', TriggerName: 'cleanExpiredExportsHourly' }, { store, caller: timerCaller('cleanExpiredExportsHourly'), now })
 */
import { cleanExpiredExports, cleanOrphanPhotos } from '../../contracts/checkin'
import { handle, type FunctionHandler } from '../../platform/dispatch'
import { timerJobs } from '../../platform/timer'
import * as exportFiles from '../../usecases/exports'
import type { ExportStorage } from '../../usecases/ports/exports'
import * as photos from '../../usecases/photos'

export function createPhotoCleanupFunction(storage: photos.PhotoStorage, exports: Pick<ExportStorage, 'deleteExports'>): FunctionHandler {
  return timerJobs('photoCleanup', {
    cleanOrphanPhotosHourly: handle(cleanOrphanPhotos, (_input, ctx) => photos.cleanOrphanPhotos(ctx, storage)),
    cleanExpiredExportsHourly: handle(cleanExpiredExports, (_input, ctx) => exportFiles.cleanExpiredExports(ctx, exports)),
  })
}
