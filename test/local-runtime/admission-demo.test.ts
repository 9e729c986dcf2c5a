import { applicationId } from '../../domain/admission'
import { formatNickname } from '../../domain/group'
import { demoApplications, seedAdmission } from '../../local-runtime/demo/admission'
import { DEMO_GROUP_ID, personaOpenid } from '../../local-runtime/demo/personas'
import { FIXED_NOW, makeStore } from '../support/fixture'

describe('admission demo seed', () => {
  it('gives the demo group questions, 8 pending applicants and one rejection — once', async () => {
    const store = await makeStore({ seed: true })
    expect(await store.count('applications', { groupId: DEMO_GROUP_ID, status: 'pending' })).toBe(8)
    expect(await store.count('applications', { groupId: DEMO_GROUP_ID, status: 'rejected' })).toBe(1)
    expect((await store.get('admissionSettings', DEMO_GROUP_ID))?.questions.length).toBeGreaterThanOrEqual(2)
    expect(await seedAdmission(store, FIXED_NOW)).toBe(false)
    expect(await store.count('applications', {})).toBe(9)
  })

  it('has the applicant persona pending and the visitor without an application', async () => {
    const store = await makeStore({ seed: true })
    expect(await store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('applicant')))).toMatchObject({ status: 'pending' })
    expect(await store.get('applications', applicationId(DEMO_GROUP_ID, personaOpenid('visitor')))).toBeNull()
  })

  it('introduces everyone as 姓名-地区-职业, gives the rejection a reason, and answers every required question', () => {
    const apps = demoApplications(FIXED_NOW)
    for (const app of apps) {
      expect(formatNickname(app.intro)).toMatch(/^[^-]+-[^-]+-[^-]+$/)
      expect(app.answers.map((a) => a.questionId)).toEqual(expect.arrayContaining(['source', 'reading']))
    }
    expect(apps.find((a) => a.status === 'rejected')?.rejectReason).toBeTruthy()
  })
})
