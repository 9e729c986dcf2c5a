/**
 * Checks both store adapters apply to what callers pass them, so the two behave alike:
 * field names are plain identifiers, limits and skips are whole numbers, documents carry a string `_id`.
 *
 * @example
 *   resolveLimit(undefined) // DEFAULT_FIND_LIMIT;  resolveLimit(500) // MAX_FIND_LIMIT;  resolveLimit(5000, true) // MAX_BULK_FIND_LIMIT
 */
import { DEFAULT_FIND_LIMIT, MAX_BULK_FIND_LIMIT, MAX_FIND_LIMIT } from './port'

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `field`, if it is a plain top-level identifier (safe to place in a query or JSON path). */
export function checkedField(field: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`invalid field name "${field}"`)
  return field
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function resolveLimit(limit: number | undefined, bulk = false): number {
  if (limit === undefined) return DEFAULT_FIND_LIMIT
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`)
  return Math.min(limit, bulk ? MAX_BULK_FIND_LIMIT : MAX_FIND_LIMIT)
}

export function resolveSkip(skip: number | undefined): number {
  if (skip === undefined) return 0
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`skip must be a whole number ≥ 0, got ${skip}`)
  return skip
}

export function documentId(doc: { _id: unknown }): string {
  if (typeof doc._id !== 'string' || doc._id === '') throw new Error('a document needs a non-empty string _id')
  return doc._id
}
