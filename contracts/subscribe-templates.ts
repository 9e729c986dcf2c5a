/**
 * WeChat subscribe-message templates (订阅消息), configured per deployment: copy the template id from
 * 微信公众平台 → 订阅消息 → 我的模板. The apply page asks for these with `Taro.requestSubscribeMessage`
 * at submit; the admission function sends them on a decision. An empty id means "not configured": the page
 * asks for nothing and only the in-app inbox is used.
 *
 * The `applicationDecided` template is expected to have the keywords
 * thing1 (群名称), phrase2 (审核结果), thing3 (备注), time4 (审核时间) — adjust `decisionMessageData`
 * in usecases/admission.ts if your template's keywords differ.
 *
 * @example
 *   configuredTemplateIds() // [] until an id is filled in below
 */
export const SUBSCRIBE_TEMPLATES = {
  /** 「入群审核结果通知」 */
  applicationDecided: '',
} as const

export function configuredTemplateIds(): string[] {
  return Object.values(SUBSCRIBE_TEMPLATES).filter((id) => id !== '')
}
