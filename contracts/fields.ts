/**
 * Field schemas that more than one contract uses, the limits they enforce, and the one paging shape.
 * A limit is a named constant so a page can use the number the server enforces (`maxlength={MAX_REASON_LENGTH}`).
 *
 * Paging: every list action takes `cursor` (how many items the client already has; 0 or missing for the
 * first page) and answers `{ items, next }` plus whatever else the view carries; `next` is the cursor of
 * the following page, or null when there is none. A page asks again with `{ cursor: page.next }`.
 *
 * @example
 *   v.object({ groupId: groupIdSchema, title: textSchema(MAX_TASK_TITLE), day: dayKeySchema, cursor: cursorSchema })
 *   const first = await callAction(listInbox, {})                       // { items, next: 20, unread }
 *   const more = await callAction(listInbox, { cursor: first.next! })   // { items, next: null, unread }
 */
import * as v from 'valibot'
import { DAY_KEY_PATTERN, TIME_OF_DAY_PATTERN } from '../domain/days'
import { t } from '../i18n/strings'

/** Group ids are short and URL/scene-safe (a mini program code's scene holds at most 32 characters). */
export const groupIdSchema = v.pipe(v.string(t('validate.groupId')), v.regex(/^[A-Za-z0-9_-]{1,24}$/, t('validate.groupId')))

/** A trimmed string of 1..max characters. */
export function textSchema(max: number) {
  return v.pipe(v.string(t('validate.invalid')), v.trim(), v.nonEmpty(t('validate.required')), v.maxLength(max, t('validate.tooLong', { max })))
}

/** A trimmed string of 0..max characters. */
export function optionalTextSchema(max: number) {
  return v.pipe(v.string(t('validate.invalid')), v.trim(), v.maxLength(max, t('validate.tooLong', { max })))
}

/** A calendar day `YYYY-MM-DD` (whether the date exists is the use case's check: `isValidDayKey`). */
export const dayKeySchema = v.pipe(v.string(t('validate.dayKey')), v.regex(DAY_KEY_PATTERN, t('validate.dayKey')))

/** A wall-clock time `HH:mm`, in the group's timezone. */
export const timeOfDaySchema = v.pipe(v.string(t('validate.timeOfDay')), v.regex(TIME_OF_DAY_PATTERN, t('validate.timeOfDay')))

/** An admin's reason: for rejecting an application, for removing a member. */
export const MAX_REASON_LENGTH = 100

/** The furthest a list may be paged into (CloudBase reads slow down with large skips). */
export const MAX_CURSOR = 10000

/** Where a page starts: the number of items the client already has. Missing = the first page. */
export const cursorSchema = v.optional(
  v.pipe(v.number(t('validate.invalid')), v.integer(t('validate.invalid')), v.minValue(0, t('validate.invalid')), v.maxValue(MAX_CURSOR, t('validate.invalid'))),
  0,
)

/** What a list action takes (beside its own fields). */
export interface PageInput {
  cursor?: number
}

/** What a list action answers (beside its own fields): the items and the cursor of the next page, null at the end. */
export interface Page<T> {
  items: T[]
  next: number | null
}

/**
 * A client's id for one create (a form opened once): the client makes one when the form opens and sends the
 * same one on every retry, and the server answers a retry with what the first request created.
 * Optional, so an older client still works (without the retry guarantee).
 */
export const requestIdSchema = v.optional(v.pipe(v.string(t('validate.invalid')), v.regex(/^[A-Za-z0-9_-]{8,64}$/, t('validate.invalid'))))
