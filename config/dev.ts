/** Taro settings for `taro build --watch` during development: readable output, no minification. */
import type { UserConfigExport } from '@tarojs/cli'

const developmentConfig: UserConfigExport<'webpack5'> = {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
}

export default developmentConfig
