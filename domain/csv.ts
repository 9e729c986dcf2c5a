/**
 * CSV for spreadsheet programs (Excel, WPS, Numbers): RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
 * order mark first so Chinese opens correctly. Pure: the caller hands the text to a download or a file.
 *
 * A field is quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside); a field that
 * starts with `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'` so no spreadsheet runs it as a formula
 * (member-written text lands in these files).
 *
 * @example
 *   toCsv([['名字', '备注'], ['张三', '说"好", 行']])
 *   // '\uFEFF名字,备注\r\n张三,"说""好"", 行"\r\n'
 */
export const CSV_BOM = '\uFEFF'

export type CsvCell = string | number | boolean | null | undefined

/** One field, quoted where needed. */
export function csvField(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: CsvCell[][]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
