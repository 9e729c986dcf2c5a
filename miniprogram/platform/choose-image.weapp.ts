/** WeChat build (picked by Taro for `./choose-image`): WeChat's own picker. See choose-image.ts. */
import Taro from '@tarojs/taro'
import type { ChooseImageRequest } from './choose-image-types'

export async function chooseImage({ sizeType }: ChooseImageRequest): Promise<string> {
  return (await Taro.chooseImage({ count: 1, sizeType: [sizeType], sourceType: ['album', 'camera'] })).tempFilePaths[0]
}
