/**
 * The `checkin` function's actions (the member's daily loop), platform-free. The storage port gives the
 * views their photo links.
 *
 * @example
 *   const checkin = createCheckinFunction(createLocalWechatServices({ appBaseUrl }))
 *   await checkin({ action: 'feed', input: { groupId } }, { store, openid, now })
 */
import {
  checkIn,
  editCheckin,
  getCheckinCalendar,
  likeCheckin,
  getCheckinOverview,
  listTodayFeed,
  makeUpCheckin,
  registerPhoto,
  setReminder,
} from '../../contracts/checkin'
import { createFunctionHandler, handle, type FunctionHandler } from '../../platform/dispatch'
import * as checkins from '../../usecases/checkin'
import * as photos from '../../usecases/photos'
import * as likes from '../../usecases/checkin-likes'
import * as edits from '../../usecases/checkin-edit'

export function createCheckinFunction(storage: photos.PhotoStorage): FunctionHandler {
  return createFunctionHandler('checkin', [
    handle(getCheckinOverview, (input, ctx) => checkins.getCheckinOverview(ctx, input, storage)),
    handle(checkIn, (input, ctx) => checkins.checkIn(ctx, input, storage)),
    handle(makeUpCheckin, (input, ctx) => checkins.makeUpCheckin(ctx, input, storage)),
    handle(getCheckinCalendar, (input, ctx) => checkins.getCheckinCalendar(ctx, input, storage)),
    handle(listTodayFeed, (input, ctx) => checkins.listTodayFeed(ctx, input, storage)),
    handle(setReminder, (input, ctx) => checkins.setReminder(ctx, input)),
    handle(registerPhoto, (input, ctx) => photos.registerCloudPhoto(ctx, input)),
    handle(likeCheckin, (input, ctx) => likes.likeCheckin(ctx, input)),
    handle(editCheckin, (input, ctx) => edits.editTodaysCheckin(ctx, input, storage)),
  ])
}
