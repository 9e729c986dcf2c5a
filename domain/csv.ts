/**
 * A tiny CSV writer for exports (RFC 4180): fields separated by commas, rows by CRLF; a field holding a comma,
 * a quote, a CR or LF, or leading/trailing spaces is quoted, with quotes doubled; null is an empty field. The
 * text starts with a UTF-8 byte order mark so Excel and WPS open Chinese text correctly.
 *
 * @example
 *   toCsv(['群昵称', '积分'], [['张三-郑州-理财顾问', 30], ['李"四', null]])
 *   // '\uFEFF群昵称,积分\r\n张三-郑州-理财顾问,30\r\n"李""四",\r\n'
 */
export const CSV_BOM = '\uFEFF'

function field(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('')
}
