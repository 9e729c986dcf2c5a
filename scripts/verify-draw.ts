/**
 * `npm run verify-draw -- draw.json`: check a published lottery draw (the `PublishedDraw` JSON that
 * 「验证开奖」 exports) outside the app, with the same code the app uses (`domain/lottery-draw.ts`). Prints each
 * check in Chinese and English — the commitment (both hashes), the digest, the winners of every round — and
 * the verdict. README "Verifiable draws" explains what it proves and what it does not.
 *
 * Exit status: 0 everything matches, 1 something does not, 2 the file cannot be read or is not a draw.
 *
 * @example
 *   npm run verify-draw -- draw.json
 *   npx tsx scripts/verify-draw.ts draw.json
 */
import fs from 'node:fs'
import { explainDraw, isPublishedDrawShape, type DrawProblem, type DrawReport, type PublishedDraw } from '../domain/lottery-draw'
import { STRINGS, type StringKey } from '../i18n/strings'

function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text
}

/** '中文 · English' of one text. */
function both(key: StringKey, params?: Record<string, string | number>): string {
  const { zh, en } = STRINGS[key]
  return `${fill(zh, params)} · ${fill(en, params)}`
}

const mark = (ok: boolean) => (ok ? '✓' : '✗')
const verdictOf = (ok: boolean) => both(ok ? 'lotteryDraw.check.pass' : 'lotteryDraw.check.fail')

/** The lines printed for one report. */
export function describeReport(draw: PublishedDraw, report: DrawReport): string[] {
  const lines: string[] = []
  const entrants = draw.entrants.length
  const rounds = draw.rounds.length
  lines.push(`开奖验证 · Draw verification: ${String(draw.lotteryId)} — ${entrants} 位参与者 · entrants, ${rounds} 轮 · rounds`)
  lines.push('')
  lines.push(`${mark(report.commitment)} ${both('lotteryDraw.check.commitment')}: ${verdictOf(report.commitment)}`)
  lines.push(`    公开的承诺值 · published commitment  ${draw.commitment}`)
  lines.push(`    SHA-256(种子 · seed)                  ${report.computed.commitment ?? '—'}`)
  lines.push(`${mark(report.digest)} ${both('lotteryDraw.check.digest')}: ${verdictOf(report.digest)}`)
  lines.push(`    公开的摘要 · published digest         ${draw.digest}`)
  lines.push(`    名单的摘要 · digest of the list        ${report.computed.digest ?? '—'}`)
  for (const round of report.rounds) {
    lines.push(`${mark(round.ok)} ${both('lotteryDraw.check.round', { round: round.round })}: ${verdictOf(round.ok)}`)
    const published = draw.rounds[round.round]?.winners ?? []
    for (const tier of Array.isArray(published) ? published : []) {
      const ids = tier && Array.isArray(tier.entryIds) ? tier.entryIds.join(', ') : '?'
      lines.push(`    ${String(tier?.tierId)}: ${ids || '—'}`)
    }
    if (!round.ok && round.recomputed) {
      lines.push('    重新计算 · recomputed:')
      for (const tier of round.recomputed) lines.push(`      ${tier.tierId}: ${tier.entryIds.join(', ') || '—'}`)
    }
  }
  if (report.problemKeys.length > 0) {
    lines.push('')
    lines.push('问题 · Problems:')
    for (const problem of report.problemKeys) lines.push(`  - ${problemText(problem)}`)
  }
  lines.push('')
  lines.push(`${mark(report.ok)} ${both(report.ok ? 'lotteryDraw.verdict.ok' : 'lotteryDraw.verdict.failed')}`)
  if (report.ok) {
    lines.push('  请核对上面的承诺值与开奖前公布的一致 · Check that the commitment above is the one shown before the draw')
  }
  return lines
}

function problemText(problem: DrawProblem): string {
  return both(problem.key, problem.params)
}

/** Runs the command; returns the exit status. */
export function main(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const file = args[0]
  if (!file || args.length > 1) {
    err('用法 · Usage: npm run verify-draw -- <draw.json>')
    return 2
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    err(`无法读取 · Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  if (!isPublishedDrawShape(parsed)) {
    err(`${both('lotteryDraw.problem.malformed')}: ${file}`)
    return 2
  }
  const report = explainDraw(parsed)
  for (const line of describeReport(parsed, report)) out(line)
  return report.ok ? 0 : 1
}

if (require.main === module) {
  process.exit(main(process.argv.slice(2)))
}
