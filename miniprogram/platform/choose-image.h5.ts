/**
 * H5 build (picked by Taro for `./choose-image`): a hidden `<input type="file" accept="image/*">`, clicked; the
 * chosen file comes back as a blob: URL (what api/transport.h5.ts uploads). Cancelling rejects (browsers that
 * send `cancel`); where none is sent, the promise simply stays pending, as nothing waits on it but the picker.
 * See choose-image.ts.
 */
import type { ChooseImageRequest } from './choose-image-types'

const INPUT_ID = 'choose-image-input'

export function chooseImage(_request: ChooseImageRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    // One picker at a time (a browser that sent no `cancel` for the last one left it here).
    document.getElementById(INPUT_ID)?.remove()
    const input = document.createElement('input')
    input.id = INPUT_ID
    input.type = 'file'
    input.accept = 'image/*'
    input.style.cssText = 'position:fixed;top:-4000px;left:-3000px;'
    const done = () => input.remove()
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (file) resolve(URL.createObjectURL(file))
      else reject(new Error('chooseImage:fail cancel'))
    })
    input.addEventListener('cancel', () => {
      done()
      reject(new Error('chooseImage:fail cancel'))
    })
    document.body.appendChild(input)
    input.click()
  })
}
