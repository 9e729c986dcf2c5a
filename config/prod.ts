/** Taro settings for release builds (`npm run build:weapp` / `build:h5`): Taro's default minification applies. */
import type { UserConfigExport } from '@tarojs/cli'

const productionConfig: UserConfigExport<'webpack5'> = {
  mini: {},
  h5: {},
}

export default productionConfig
