/**
 * The in-app inbox: messages to one person (a decision on their application, a reminder), in both
 * targets. On WeChat a subscribe message may be sent as well; the inbox entry is always written.
 */
export interface InboxMessageDoc {
  _id: string
  openid: string
  groupId: string | null
  /** What it is about, e.g. `application.approved`, `checkin.reminder`. */
  kind: string
  title: string
  body: string
  /** Where tapping it leads, e.g. `/pages/group/index?id=g1`. */
  link: string | null
  createdAt: string
  readAt: string | null
}
