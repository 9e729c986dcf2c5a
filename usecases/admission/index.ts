/**
 * Admission use cases (入群申请), one module per side of it: the group's settings, the applicant's apply
 * page / submit / withdraw, the admins' review queue and decisions (with the decision's notification),
 * invite codes, and the purge of rejected applications' personal fields.
 *
 * @example
 *   import * as admission from '../../usecases/admission'
 *   await admission.submitApplication(ctx, services, { groupId, rulesVersion: 1, acceptRules: true, intro, answers: {}, subscribedTemplateIds: [] })
 *   await admission.decideApplication(ctx, services, { groupId, applicationId: 'g1:o_new', decision: 'approve', reason: '' })
 */
export { getAdmissionSettings, loadAdmissionSettings, updateAdmissionSettings } from './settings'
export { getApplyPage, submitApplication, withdrawApplication, type SubmitApplicationInput } from './apply'
export { DecisionRefused, QUEUE_PAGE_SIZE, decideApplication, decideApplications, decisionFacts, getApplication, listApplications } from './review'
export { getInviteCode, inviteIdFor } from './invites'
export { purgeRejectedApplications } from './purge'
export { confirmJoined, getJoinGuide, getJoinGuideSettings, joinGuideViewFor, listNotJoined, remindJoinQrExpiry, updateJoinGuide } from './join-guide'
