/**
 * CSV for spreadsheet programs (Excel, WPS, Numbers): RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order
 * mark first so Chinese opens correctly. Pure: the caller hands the text to a download or a file.
 *
 * A field is quoted when it holds a comma, a double quote, CR or LF, or starts or ends with a space (quotes
 * doubled inside); null and undefined are empty fields. A text field that starts with `=`, `+`, `-`, `@`, a tab
 * or CR is prefixed with `'` so no spreadsheet runs it as a formula (member-written text lands in these files);
 * numbers are written as they are.
 *
 * @example
 *   toCsv(['群昵称', '积分'], [['张三-郑州-理财顾问', 30], ['李"四', null]])
 *   // '\uFEFF群昵称,积分\r\n张三-郑州-理财顾问,30\r\n"李""四",\r\n'
 */
export const CSV_BOM = '\uFEFF'

export type CsvCell = string | number | boolean | null | undefined

/** One field, defused and quoted where needed. */
export function csvField(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: BOM, the header, then one CRLF-terminated line per row. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
