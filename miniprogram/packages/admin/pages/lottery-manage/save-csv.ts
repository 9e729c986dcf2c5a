/**
 * Hands an exported CSV (`lottery.exportCsv`: UTF-8 with a BOM, so spreadsheet programs read the Chinese)
 * to the admin. H5: a file download under the contract's file name. WeChat: a mini program cannot download
 * to the phone's files, and the contract returns the text (no link), so it goes to the clipboard to paste
 * into a spreadsheet or a chat with oneself. Resolves to what the page says happened.
 *
 * @example
 *   const done = await saveCsv(await exportIt.run({ lotteryId, kind: 'entrants' }))   // '已下载 …csv（21 行）'
 */
import Taro from '@tarojs/taro'
import type { LotteryCsv } from '../../../../../contracts/lottery'
import { t } from '../../../../../i18n/strings'

export async function saveCsv(file: LotteryCsv): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return t('lotteryManage.downloaded', { file: file.fileName, rows: file.rows })
  }
  await Taro.setClipboardData({ data: file.csv })
  return t('lotteryManage.copiedCsv', { rows: file.rows })
}
