/**
 * What differs between the two builds when the client talks to its backend: how an action event
 * reaches a cloud function, and how a check-in photo is uploaded. Each build has one implementation,
 * picked by Taro's platform files (see transport.ts).
 */
import type { ActionEvent, FunctionName } from '../../contracts/define'

export interface Transport {
  /** Send `{ action, input }` to the function; resolves to the function's answer (an ActionResult, unchecked). */
  send(fn: FunctionName, event: ActionEvent): Promise<unknown>
  /** Upload one check-in photo for the group (recorded as the caller's); resolves to the id `checkIn` accepts. */
  uploadCheckinPhoto(filePath: string, where: PhotoDestination): Promise<string>
}

/** Which group a photo is for, and the caller's own cloud path prefix there (the overview's `photoPathPrefix`). */
export interface PhotoDestination {
  groupId: string
  pathPrefix: string
}
