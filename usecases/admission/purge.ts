/**
 * The purge job: rejected applications keep intro, answers and phone for `DEFAULT_PURGE_AFTER_DAYS`, then
 * lose them (the decision and its dates stay). Run by the `admissionPurge` timer.
 *
 * @example
 *   await purgeRejectedApplications(ctx, {})                    // { purged: 3 }
 *   await purgeRejectedApplications(ctx, { olderThanDays: 7 })
 */
import { DEFAULT_PURGE_AFTER_DAYS, purgeCutoff, purgedPersonalFields } from '../../domain/admission'
import type { UseCaseContext } from '../context'

/** Clear intro, answers and phone of rejected applications decided more than `olderThanDays` ago. */
export async function purgeRejectedApplications(ctx: UseCaseContext, input: { olderThanDays?: number }): Promise<{ purged: number }> {
  const now = ctx.now()
  const cutoff = purgeCutoff(now, input.olderThanDays ?? DEFAULT_PURGE_AFTER_DAYS)
  let purged = 0
  // Batches of 100 until nothing is left; each batch's documents drop out of the query once purged.
  for (;;) {
    const due = await ctx.store.find('applications', {
      where: { status: 'rejected', decidedAt: { lt: cutoff }, purgedAt: null },
      limit: 100,
    })
    if (due.length === 0) return { purged }
    for (const app of due) {
      await ctx.store.update('applications', app._id, { ...purgedPersonalFields(), purgedAt: now.toISOString() })
      purged += 1
    }
  }
}
