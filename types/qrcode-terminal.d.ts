/** qrcode-terminal ships no types; this is the one call the local runtime makes. */
declare module 'qrcode-terminal' {
  export function generate(text: string, options?: { small?: boolean }, callback?: (qr: string) => void): void
}
