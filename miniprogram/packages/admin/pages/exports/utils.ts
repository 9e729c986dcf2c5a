/**
 * The exports page's pure helpers: the default date range (the 30 days up to today) and the absolute link of an
 * export (the local runtime answers a path on its own origin; WeChat answers a full temp link).
 *
 * @example
 *   defaultRange('2026-11-23')                                   // { from: '2026-10-25', to: '2026-11-23' }
 *   absoluteLink('/exports/ab.csv?exp=1&sig=2', 'http://127.0.0.1:8787')  // 'http://127.0.0.1:8787/exports/ab.csv?exp=1&sig=2'
 */
import { shiftDay } from '../../../../../domain/days'

export function defaultRange(today: string): { from: string; to: string } {
  return { from: shiftDay(today, -29), to: today }
}

export function absoluteLink(url: string, origin: string): string {
  return /^https?:\/\//.test(url) ? url : `${origin.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`
}
