/** What `chooseImage` takes (platform/choose-image.ts): WeChat's compression choice; H5 sends the file as it is. */
export interface ChooseImageRequest {
  /** 'compressed' (a check-in photo) or 'original' (a QR code, whose detail matters). */
  sizeType: 'compressed' | 'original'
}
