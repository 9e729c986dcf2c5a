/**
 * How an approved member gets into the WeChat group itself (入群方式): the group's QR image (WeChat makes it
 * valid for 7 days from when it was generated), an admin's personal QR (添加群主微信), written instructions —
 * any of them, set by the group's admins. Stored on the group document (`GroupDoc.joinGuide`), so the
 * approval, which reads the group anyway, can tell the new member about it at no extra cost. Only members
 * ever see it (the views build it for members only).
 *
 * @example
 *   const qr = newGroupQr('local:ab…cd.png', now)      // { photoId, generatedAt: now, expiresAt: now + 7 days }
 *   usableGroupQr(guide, now)                           // the QR while it is valid, else null (never an expired one)
 *   joinQrRemindAt(qr)                                  // a day before it expires: when the admins hear about it
 */
export const JOIN_QR_VALID_DAYS = 7
/** The admins are reminded this long before the group QR expires. */
export const JOIN_QR_REMIND_BEFORE_HOURS = 24
export const MAX_JOIN_INSTRUCTIONS = 300
/** Default for the admins' list of approved members who have not said they joined. */
export const DEFAULT_NOT_JOINED_DAYS = 3

export interface JoinGroupQr {
  /** An owned photo (the photos model): `local:<hex>.<ext>` or a `cloud://` fileID. */
  photoId: string
  generatedAt: string
  expiresAt: string
}

export interface JoinGuide {
  groupQr: JoinGroupQr | null
  /** An admin's personal WeChat QR (添加群主微信). */
  personalQr: { photoId: string } | null
  instructions: string
  updatedAt: string
}

const DAY_MS = 24 * 3600 * 1000

export function newGroupQr(photoId: string, generatedAt: Date): JoinGroupQr {
  return { photoId, generatedAt: generatedAt.toISOString(), expiresAt: new Date(generatedAt.getTime() + JOIN_QR_VALID_DAYS * DAY_MS).toISOString() }
}

/** The group QR while it is valid; null once it expired (an expired QR is never shown). */
export function usableGroupQr(guide: JoinGuide | null | undefined, now: Date): JoinGroupQr | null {
  const qr = guide?.groupQr ?? null
  return qr && now.getTime() < new Date(qr.expiresAt).getTime() ? qr : null
}

/** When the admins should hear that the group QR is about to expire. */
export function joinQrRemindAt(qr: JoinGroupQr): string {
  return new Date(new Date(qr.expiresAt).getTime() - JOIN_QR_REMIND_BEFORE_HOURS * 3600 * 1000).toISOString()
}

/** Whether the guide tells a member anything at `now`. */
export function hasJoinWay(guide: JoinGuide | null | undefined, now: Date): boolean {
  return !!guide && (usableGroupQr(guide, now) !== null || guide.personalQr !== null || guide.instructions.trim() !== '')
}
