/** The `checkin` function's actions (the member's daily loop), platform-free. */
import { checkIn, getCheckinCalendar, getCheckinOverview, listTodayFeed, makeUpCheckin, setReminder } from '../../contracts/checkin'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as checkins from '../../usecases/checkin'

export const checkinFunction = createFunctionHandler('checkin', [
  handle(getCheckinOverview, (input, ctx) => checkins.getCheckinOverview(ctx, input)),
  handle(checkIn, (input, ctx) => checkins.checkIn(ctx, input)),
  handle(makeUpCheckin, (input, ctx) => checkins.makeUpCheckin(ctx, input)),
  handle(getCheckinCalendar, (input, ctx) => checkins.getCheckinCalendar(ctx, input)),
  handle(listTodayFeed, (input, ctx) => checkins.listTodayFeed(ctx, input)),
  handle(setReminder, (input, ctx) => checkins.setReminder(ctx, input)),
])
