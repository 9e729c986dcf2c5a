/**
 * What `npm start` prints once it listens: where the app is, the demo group and its apply link, where the
 * data lives (and how to start over), and how to switch persona in the browser. Pure, so the text is tested
 * (test/local-runtime/banner.test.ts).
 *
 * @example
 *   startupBanner({ url: 'http://127.0.0.1:8787', dataDir: '/repo/data', devMode: true, seedDemo: true })
 */
import path from 'node:path'
import { pageUrl } from '../contracts/routes'
import { t } from '../i18n/strings'
import { DEMO_GROUP_ID, PERSONAS } from './demo/personas'

export interface BannerInput {
  url: string
  dataDir: string
  devMode: boolean
  seedDemo: boolean
}

export function startupBanner(input: BannerInput): { lines: string[]; applyLink: string } {
  const groupLink = `${input.url}${pageUrl('group', { id: DEMO_GROUP_ID })}`
  const applyLink = `${input.url}${pageUrl('apply', { id: DEMO_GROUP_ID })}`
  const dataDir = path.resolve(input.dataDir)
  const lines = [
    '',
    `社群助手本地运行中 / Local runtime: ${input.url}`,
    `示例社群 / Demo group: ${groupLink}`,
    `数据 / Data: ${path.join(dataDir, 'shequn.db')}（照片 / photos: ${path.join(dataDir, 'uploads')}）`,
    input.seedDemo
      ? `  停止后删除 ${dataDir} 即可从头再来（下次启动重新创建示例社群）/ Stop, delete that folder, start again for a fresh demo`
      : '  SEED_DEMO 已关闭：不创建示例社群 / SEED_DEMO is off: no demo community',
    input.devMode
      ? `切换身份 / Switch persona: 页面顶部「${t('dev.actAs')}」一栏，点 ${PERSONAS.map((p) => p.label.zh).join('、')} / the bar at the top of every page`
      : '开发模式已关闭（DEV_MODE=off）：没有身份切换，所有请求都是匿名访客 / dev mode off: no persona switching',
    `入群申请链接（扫码打开）/ Apply link (QR below): ${applyLink}`,
    '',
  ]
  return { lines, applyLink }
}
