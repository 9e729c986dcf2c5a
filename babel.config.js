/**
 * Babel for the Taro build (the miniprogram/ source and the shared contracts/domain/i18n it imports).
 * Jest does not use this file: tests are compiled by ts-jest (see jest.config.js).
 *
 * babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'` into an import of
 * that one component (dist/es/packages/button) plus its precompiled CSS (…/button/style/css), so only
 * the NutUI components a page uses end up in the bundle — this keeps the weapp main package small.
 */
const NUTUI_PACKAGES = '@nutui/nutui-react-taro/dist/es/packages'

/**
 * The app shows the Chinese of every text (`t()` in i18n/strings.ts reads `.zh`); the English beside it in
 * i18n/*.ts is for developers and reviewers. This drops the `en` of each `{ zh, en }` entry from the app's
 * bundles (about a third of the texts' bytes, in every visitor's download); the server and the tests,
 * which do not use this file, keep both.
 */
function dropEnglishTexts() {
  const keyName = (property) => property.key && (property.key.name ?? property.key.value)
  return {
    name: 'drop-english-texts',
    visitor: {
      ObjectProperty(path, state) {
        if (!/[\\/]i18n[\\/][^\\/]+\.ts$/.test(state.filename ?? '') || keyName(path.node) !== 'en') return
        if (path.parent.properties.some((property) => keyName(property) === 'zh')) path.remove()
      },
    },
  }
}

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
    dropEnglishTexts,
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
