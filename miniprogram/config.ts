/**
 * Build-time settings of the mini program that a deployer may need to change.
 *
 * CLOUD_ENV_ID — the CloudBase environment the mini program calls (`wx.cloud.init({ env })`).
 *   Leave it `''` to use the mini program's default environment (the first one created for it),
 *   which is what a single-environment project wants; the cloud functions themselves always run
 *   against DYNAMIC_CURRENT_ENV, i.e. the environment that invoked them.
 *   Set it to an environment id (e.g. 'prod-1a2b3c') to pin the client to that environment.
 */
export const CLOUD_ENV_ID = ''
