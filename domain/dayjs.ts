/**
 * dayjs with the utc and timezone plugins, extended once: the domain's date math imports it from here. As a
 * module of its own, it is only in a bundle where a function that is kept uses it — the app's main package
 * takes constants from `domain/admission.ts` and `domain/days.ts` without taking dayjs (the app builds mark
 * `domain/`, `contracts/` and `i18n/` free of side effects, config/index.ts; pages format times with
 * `domain/local-time.ts`).
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export default dayjs
