/** The shape of every strings module: a key, its Chinese text (shown) and the English beside it. */
export type Texts = Record<string, { zh: string; en: string }>
