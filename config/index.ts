/**
 * Taro build configuration for the mini program (`taro build --type weapp` → dist/weapp) and the
 * H5 build the local runtime serves (`taro build --type h5` → dist/h5).
 *
 * Source lives in `miniprogram/`; the shared, platform-free modules it imports from the repo root
 * (`contracts/`, `domain/`, `i18n/`) are added to the script rule so Babel compiles their TypeScript.
 * NutUI's design width is 375, so the whole app uses 375.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import developmentConfig from './dev'
import productionConfig from './prod'

const REPO_ROOT = path.resolve(__dirname, '..')

/** Repo-root folders the client imports from; outside `sourceRoot`, so Taro would not compile them by default. */
const SHARED_SOURCE_DIRS = ['contracts', 'domain', 'i18n'].map((dir) => path.join(REPO_ROOT, dir))

/**
 * The shared modules hold declarations only (the one module with a top-level effect, `domain/dayjs.ts`,
 * matters only to the functions that import it), so webpack may leave out a shared module none of whose
 * exports a bundle uses, instead of evaluating it for its imports' sake — e.g. a contract importing a pattern
 * from `domain/days.ts` for a schema the app drops (babel.config.js) no longer brings dayjs into the main package.
 */
interface ChainRules {
  module: { rule(name: string): { test(match: (file: string) => boolean): { set(key: 'sideEffects', value: boolean): unknown } } }
}

function sharedModulesWithoutSideEffects(chain: ChainRules): void {
  chain.module
    .rule('shared-without-side-effects')
    .test((file: string) => SHARED_SOURCE_DIRS.some((dir) => file.startsWith(dir + path.sep)))
    .set('sideEffects', false)
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shequn-zhushou',
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'miniprogram',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: SHARED_SOURCE_DIRS },
      // Modules only subpackage pages use are built into that subpackage (sub-vendors / sub-common), not
      // the main package every visitor downloads. Taro's default; spelled out because the routes table
      // (contracts/routes.ts) relies on it to keep admin-only code out of the main package.
      optimizeMainPackage: { enable: true },
      // NutUI's per-component stylesheets do not depend on each other's order; pages importing
      // components in different orders would otherwise warn "Conflicting order".
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        sharedModulesWithoutSideEffects(chain)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: SHARED_SOURCE_DIRS },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // The H5 build is served by the local runtime on this machine; webpack's 244 KiB
      // "recommended for the web" hint does not apply to it.
      webpackChain(chain) {
        chain.performance.hints(false)
        sharedModulesWithoutSideEffects(chain)
        // Every page is a lazily loaded chunk. Taro splits only the initial chunks ('initial'), so each page
        // chunk carried its own copy of React helpers, NutUI, contracts, i18n and the client; split the page
        // chunks too, so a module two pages share is emitted once and fetched once.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, developmentConfig)
  }
  return merge({}, baseConfig, productionConfig)
})
