/**
 * Babel for the Taro build (the miniprogram/ source and the shared contracts/domain/i18n it imports).
 * Jest does not use this file: tests are compiled by ts-jest (see jest.config.js).
 *
 * babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'` into an import of
 * that one component (dist/es/packages/button) plus its precompiled CSS (…/button/style/css), so only
 * the NutUI components a page uses end up in the bundle — this keeps the weapp main package small.
 */
const NUTUI_PACKAGES = '@nutui/nutui-react-taro/dist/es/packages'

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // Component folders are the lower-cased export names: CellGroup → dist/es/packages/cellgroup.
        camel2DashComponentName: false,
        customName: (name) => `${NUTUI_PACKAGES}/${name.toLowerCase()}`,
        // 'css' adds `<component>/style/css`, which imports the precompiled style.css (no Sass step).
        style: 'css',
      },
      'nutui-react-taro',
    ],
  ],
}
