/**
 * Hands a lottery CSV export (`lottery.exportCsv`: a file saved behind a short-lived link, UTF-8 with a BOM so
 * spreadsheet programs read the Chinese) to the admin, as the participation exports page does. H5: the
 * browser downloads the link under the export's file name. WeChat: a CSV cannot be opened in place, so the
 * page shows the link to copy and open in a browser.
 *
 * @example
 *   const file = await exportIt.run({ lotteryId, kind: 'entrants' })
 *   downloadExport(file)             // H5 only; does nothing in WeChat
 *   await copyExportLink(file)       // clipboard + toast 「链接已复制…」
 */
import Taro from '@tarojs/taro'
import type { LotteryCsv } from '../../../../../contracts/lottery'
import { t } from '../../../../../i18n/strings'
import { absoluteLink } from '../exports/utils'

/** The link to open or copy: WeChat's is complete; the local runtime's is a path on this page's own server. */
export function exportLink(file: LotteryCsv): string {
  return absoluteLink(file.url, process.env.TARO_ENV === 'h5' ? window.location.origin : '')
}

/** H5: hand the file to the browser as a download. */
export function downloadExport(file: LotteryCsv): void {
  if (process.env.TARO_ENV !== 'h5') return
  const link = document.createElement('a')
  link.href = exportLink(file)
  link.download = file.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}

export async function copyExportLink(file: LotteryCsv): Promise<void> {
  await Taro.setClipboardData({ data: exportLink(file) })
  Taro.showToast({ title: t('exportPage.copied'), icon: 'none' })
}
