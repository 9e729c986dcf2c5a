/** The `board` function's actions (rules, announcements, daily tasks), platform-free. */
import {
  acknowledgeRules,
  getRules,
  listAnnouncements,
  listDailyTasks,
  postAnnouncement,
  publishRules,
  saveDailyTask,
  setAnnouncementPinned,
  editAnnouncement,
  deleteAnnouncement,
  deleteDailyTask,
  markAnnouncementsRead,
} from '../../contracts/board'
import { createFunctionHandler, handle } from '../../platform/dispatch'
import * as announcements from '../../usecases/announcements'
import * as board from '../../usecases/board'
import * as rules from '../../usecases/rules'
import * as tasks from '../../usecases/tasks'

export const boardFunction = createFunctionHandler('board', [
  handle(getRules, (input, ctx) => rules.getRules(ctx, input)),
  handle(acknowledgeRules, (input, ctx) => rules.acknowledgeRules(ctx, input)),
  handle(publishRules, (input, ctx) => rules.publishRules(ctx, input)),
  handle(listAnnouncements, (input, ctx) => announcements.listAnnouncements(ctx, input)),
  handle(postAnnouncement, (input, ctx) => announcements.postAnnouncement(ctx, input)),
  handle(setAnnouncementPinned, (input, ctx) => announcements.setAnnouncementPinned(ctx, input)),
  handle(listDailyTasks, (input, ctx) => tasks.listDailyTasks(ctx, input)),
  handle(saveDailyTask, (input, ctx) => tasks.saveDailyTask(ctx, input)),
  handle(editAnnouncement, (input, ctx) => announcements.editAnnouncement(ctx, input)),
  handle(deleteAnnouncement, (input, ctx) => announcements.deleteAnnouncement(ctx, input)),
  handle(deleteDailyTask, (input, ctx) => tasks.deleteDailyTask(ctx, input)),
  handle(markAnnouncementsRead, (input, ctx) => board.markAnnouncementsRead(ctx, input)),
])
