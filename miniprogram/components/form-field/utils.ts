/**
 * Pure helpers of the form field: the character counter, and the limit of a text box that holds a list
 * (one item per line or separated by commas). Lengths count as the server's schemas count them
 * (`String.length`, what valibot's maxLength checks). No Taro imports (utils.test.ts).
 *
 * @example
 *   counterText('张三', 20)       // '2/20'
 *   listTextLimit(30, 300)        // 9029: 30 clauses of 300 characters and the 29 line breaks between them
 */

export function counterText(value: string, maxLength: number): string {
  return `${value.length}/${maxLength}`
}

export function isOverLimit(value: string, maxLength: number): boolean {
  return value.length > maxLength
}

/** How many characters past the limit the value is (0 within it). */
export function overBy(value: string, maxLength: number): number {
  return Math.max(0, value.length - maxLength)
}

/** The most a box holding up to `items` entries of up to `itemLength` characters, one separator apart, can need. */
export function listTextLimit(items: number, itemLength: number): number {
  return items * itemLength + Math.max(0, items - 1)
}
