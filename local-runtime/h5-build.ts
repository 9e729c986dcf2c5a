/**
 * Keeps the H5 build that `npm start` serves in step with the source: rebuilds when
 * `dist/h5` is missing or older than any file the mini program is built from.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Folders and files the H5 build is made from. */
export const H5_SOURCES = ['miniprogram', 'contracts', 'domain', 'i18n', 'config', 'babel.config.js', 'package-lock.json']

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function isH5BuildFresh(root: string): boolean {
  const index = path.join(root, 'dist/h5/index.html')
  if (!fs.existsSync(index)) return false
  const builtAt = fs.statSync(index).mtimeMs
  return H5_SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt)
}

export function ensureH5Build(root: string): void {
  if (isH5BuildFresh(root)) return
  console.log('正在构建 H5 页面（首次约需一分钟）… / Building the H5 app…')
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('H5 build failed (npx taro build --type h5)')
}
