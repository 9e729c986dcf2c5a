/**
 * The people a newcomer can "act as" in the local runtime's dev mode. Their OPENIDs are stand-ins
 * for what WeChat would inject; the demo community below gives each persona its part.
 */
export const DEMO_GROUP_ID = 'demo-reading'

export const PERSONAS = [
  { key: 'visitor', openid: 'o_demo_visitor', label: { zh: '新访客', en: 'New visitor' } },
  { key: 'applicant', openid: 'o_demo_applicant', label: { zh: '申请人', en: 'Applicant' } },
  { key: 'member', openid: 'o_demo_member', label: { zh: '成员', en: 'Member' } },
  { key: 'admin', openid: 'o_demo_admin', label: { zh: '管理员', en: 'Admin' } },
  // The owner alone changes the check-in day, the capacity, roles and ownership (群设置, 成员).
  { key: 'owner', openid: 'o_demo_owner', label: { zh: '群主', en: 'Owner' } },
] as const

export type PersonaKey = (typeof PERSONAS)[number]['key']

export function personaOpenid(key: PersonaKey): string {
  const persona = PERSONAS.find((p) => p.key === key)
  if (!persona) throw new Error(`unknown persona ${key}`)
  return persona.openid
}
