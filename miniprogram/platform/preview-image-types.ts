/** What `previewImage` takes (platform/preview-image.ts): the images, and the one to show first. */
export interface PreviewRequest {
  urls: ReadonlyArray<string>
  /** One of `urls`; the first when absent. */
  current?: string
}
