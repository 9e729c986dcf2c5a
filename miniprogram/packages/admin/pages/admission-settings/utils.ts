/**
 * Pure helpers of the admission settings page: a fresh question id, and turning the editable text
 * fields (options separated by commas / 、, one reason per line) into the settings the contract takes.
 * No Taro imports (utils.test.ts).
 *
 * @example
 *   nextQuestionId([{ id: 'q1' }, { id: 'q2' }])   // 'q3'
 *   splitOptions('每周，每月、偶尔')                 // ['每周', '每月', '偶尔']
 */
export function nextQuestionId(existing: Array<{ id: string }>): string {
  const used = new Set(existing.map((q) => q.id))
  let n = existing.length + 1
  while (used.has(`q${n}`)) n += 1
  return `q${n}`
}

/** Options typed as one line: split on commas (， or ,) and 、, trimmed, blanks dropped. */
export function splitOptions(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Reason templates typed one per line. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
