/**
 * Babel for the Taro build (the miniprogram/ source and the shared contracts/domain/i18n it imports).
 * Jest does not use this file: tests are compiled by ts-jest (see jest.config.js).
 *
 * babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'` into an import of
 * that one component (dist/es/packages/button) plus its precompiled CSS (…/button/style/css), so only
 * the NutUI components a page uses end up in the bundle — this keeps the weapp main package small.
 */
const fs = require('node:fs')
const path = require('node:path')

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

/**
 * Contracts are shared with the server (one declaration per action: its name, input schema and output type),
 * but only the server validates. In the app's bundles, in `contracts/*.ts` only, this
 * - drops the schema argument of every `defineAction<Output>()(fn, action, schema)`;
 * - wraps each top-level `const` whose value is computed (schemas, tables) in an immediately called arrow
 *   marked `#__PURE__`: evaluated where it was, in the same order, but webpack and terser may leave it out
 *   when nothing in the bundle reads it (webpack counts a call pure only when its arguments are, which an
 *   object literal of fields never is);
 * - removes top-level calls on valibot (`v.setGlobalMessage`: no schema runs in the app).
 * So the schemas nothing keeps, and valibot with them, are left out: a page ships the contract's function and
 * action names only. The types are untouched (the TypeScript check runs on the source), so a renamed field
 * still breaks the build. `test/build/client-contracts.test.ts` checks the compiled contracts.
 */
function contractsWithoutSchemas({ types: t }) {
  const inContracts = (state) => /[\\/]contracts[\\/][^\\/]+\.ts$/.test(state.filename ?? '')
  const computes = (path) => {
    let found = false
    path.traverse({
      'CallExpression|NewExpression'(inner) {
        found = true
        inner.stop()
      },
    })
    return found || path.isCallExpression() || path.isNewExpression()
  }
  return {
    name: 'contracts-without-schemas',
    visitor: {
      Program(program, state) {
        if (!inContracts(state)) return
        for (const statement of program.get('body')) {
          const declaration = statement.isExportNamedDeclaration() ? statement.get('declaration') : statement
          if (statement.isExpressionStatement()) {
            const callee = statement.get('expression.callee')
            if (!Array.isArray(callee) && callee.isMemberExpression() && t.isIdentifier(callee.node.object, { name: 'v' })) statement.remove()
            continue
          }
          if (!declaration.node || !declaration.isVariableDeclaration()) continue
          for (const declarator of declaration.get('declarations')) {
            const init = declarator.get('init')
            if (!init.node || !computes(init)) continue
            const call = t.callExpression(t.arrowFunctionExpression([], init.node), [])
            t.addComment(call, 'leading', '#__PURE__')
            init.replaceWith(call)
          }
        }
      },
      CallExpression(path, state) {
        if (!inContracts(state)) return
        const { node } = path
        const isDefineAction = t.isCallExpression(node.callee) && t.isIdentifier(node.callee.callee, { name: 'defineAction' })
        if (isDefineAction && node.arguments.length === 3) node.arguments.pop()
      },
    },
  }
}

/**
 * The app shows each text where a page asks for it: this writes the Chinese of `t('key')` in place of the call
 * (and `fillText('…', params)` for `t('key', params)`; a key built as `t(`prefix.${x}`)` becomes a lookup in
 * just the texts that start so, and `t(cond ? 'a' : 'b')` a choice between two texts), so a bundle carries the texts its own pages show — an admin page's texts go
 * to the admin subpackage — and not the whole table (`i18n/*.ts`). A call it cannot resolve (a key held in a
 * variable, an unknown key) is left to `t()`, which then brings the table back: write keys out (see
 * `components/admission-entries`). The server and the tests, which do not use this file, keep `t()`.
 * The texts are read from the i18n modules' source (a `'key': { zh: '…', en: '…' }` entry), again whenever one
 * of them changes; each compiled file depends on them (watch builds recompile it).
 */
const I18N_DIR = path.join(__dirname, 'i18n')
let textsCache = { stamp: '', texts: new Map() }

function i18nFiles() {
  if (!fs.existsSync(I18N_DIR)) return [] // Taro's floor app (bench/taro-floor) is built with this file and no texts
  return fs.readdirSync(I18N_DIR).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => path.join(I18N_DIR, name))
}

function loadTexts() {
  const files = i18nFiles()
  const stamp = files.map((file) => `${file}:${fs.statSync(file).mtimeMs}`).join('|')
  if (stamp === textsCache.stamp) return textsCache.texts
  const { parse } = require('@babel/parser')
  const texts = new Map()
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (node.type === 'ObjectProperty' && node.value.type === 'ObjectExpression') {
      const key = node.key.type === 'StringLiteral' ? node.key.value : node.key.name
      const zh = node.value.properties.find((property) => property.key && (property.key.name ?? property.key.value) === 'zh')
      if (zh && zh.value.type === 'StringLiteral') texts.set(key, zh.value.value)
      if (zh && zh.value.type === 'TemplateLiteral' && zh.value.expressions.length === 0) texts.set(key, zh.value.quasis[0].value.cooked)
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value.type === 'string') visit(value)
    }
  }
  for (const file of files) visit(parse(fs.readFileSync(file, 'utf8'), { sourceType: 'module', plugins: ['typescript'] }).program)
  textsCache = { stamp, texts }
  return texts
}

/**
 * The text expression for a key expression, or null when it cannot be resolved: a key written out (`'a.b'`), a key
 * built from one value (`\`a.${x}\``: a lookup in the texts whose keys start and end so), or a choice between such
 * keys (`cond ? 'a.on' : 'a.off'`: the same choice between their texts).
 */
function textOf(t, keyNode, texts) {
  if (t.isStringLiteral(keyNode)) return texts.has(keyNode.value) ? t.stringLiteral(texts.get(keyNode.value)) : null
  if (t.isTemplateLiteral(keyNode) && keyNode.expressions.length === 1 && !t.isTSType(keyNode.expressions[0])) {
    const [head, tail] = keyNode.quasis.map((quasi) => quasi.value.cooked)
    const entries = [...texts].filter(([key]) => key.startsWith(head) && key.endsWith(tail) && key.length >= head.length + tail.length)
    if (entries.length === 0) return null
    const table = t.objectExpression(entries.map(([key, zh]) => t.objectProperty(t.stringLiteral(key.slice(head.length, key.length - tail.length)), t.stringLiteral(zh))))
    return t.memberExpression(table, keyNode.expressions[0], true)
  }
  if (t.isConditionalExpression(keyNode)) {
    const consequent = textOf(t, keyNode.consequent, texts)
    const alternate = consequent && textOf(t, keyNode.alternate, texts)
    return alternate ? t.conditionalExpression(keyNode.test, consequent, alternate) : null
  }
  return null
}

function inlineTexts(api) {
  const t = api.types
  if (typeof api.addExternalDependency === 'function') {
    // Re-create the plugin (and re-read the texts) when an i18n module changes.
    api.cache.invalidate(() => i18nFiles().map((file) => `${file}:${fs.statSync(file).mtimeMs}`).join('|'))
    for (const file of i18nFiles()) api.addExternalDependency(file)
  }
  return {
    name: 'inline-texts',
    pre() {
      this.texts = loadTexts()
    },
    visitor: {
      CallExpression(callPath, state) {
        const { node } = callPath
        if (!t.isIdentifier(node.callee, { name: 't' }) || node.arguments.length < 1 || node.arguments.length > 2) return
        const binding = callPath.scope.getBinding('t')
        if (!binding || binding.kind !== 'module' || !/[\\/]?i18n[\\/]strings$/.test(binding.path.parent.source.value)) return
        const [keyNode, params] = node.arguments
        const text = textOf(t, keyNode, this.texts)
        if (!text) return
        if (!params) return callPath.replaceWith(text)
        if (!state.fillText) {
          state.fillText = callPath.scope.getProgramParent().generateUidIdentifier('fillText')
          const program = callPath.findParent((parent) => parent.isProgram())
          program.unshiftContainer('body', t.importDeclaration([t.importSpecifier(state.fillText, t.identifier('fillText'))], t.stringLiteral(path.join(I18N_DIR, 'fill.ts'))))
        }
        callPath.replaceWith(t.callExpression(t.cloneNode(state.fillText), [text, params]))
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
        // What the app's code is compiled down to (babel-preset-taro's default is iOS 9 / Android 5, i.e. ES5
        // with a regenerator for every async function and a helper for every class, spread and destructuring).
        // The mini program runs on iOS's JavaScriptCore and, on Android, WeChat's own V8 (Babel's `android`
        // counts Chrome versions): WeChat's base library sets the floor (e.g. 2.15.0 needs iOS ≥ 10 clients,
        // developers.weixin.qq.com …/runtime/js-support); iOS 11 has classes, arrows, async/await natively.
        targets: { ios: '11', android: '67' },
      },
    ],
  ],
  plugins: [
    dropEnglishTexts,
    contractsWithoutSchemas,
    inlineTexts,
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
