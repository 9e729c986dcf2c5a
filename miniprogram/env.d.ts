/**
 * Build-time constants the mini program reads. Taro replaces `process.env.TARO_ENV` ('weapp' or 'h5')
 * and `process.env.NODE_ENV` with literals when it bundles, so no `process` object exists at run time.
 *
 * These declarations let the client type-check without Node's types (tsconfig.miniprogram.json);
 * they are written to merge cleanly with @types/node where the root tsconfig loads it.
 */
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: string
    NODE_ENV?: string
  }
  interface Process {
    env: ProcessEnv
  }
}

declare var process: NodeJS.Process
