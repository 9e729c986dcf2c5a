import {
  applicationId,
  archivedApplicationId,
  autoApprovalOf,
  autoApprovalRuleFor,
  isOpen,
  needsInviterActivity,
  canStartNewRound,
  maskPhone,
  purgeCutoff,
  reapplyAllowedAt,
  snapshotAnswers,
  MAINLAND_MOBILE,
  type ApplicationQuestion,
} from '../../domain/admission'
import { canChangeRole, canLeave, canRemoveMember, canTransferOwnership } from '../../domain/roles'

const NOW = new Date('2026-11-23T02:00:00.000Z')

describe('application ids', () => {
  it('are one current id per person per group, and a distinct id per archived round', () => {
    expect(applicationId('g1', 'o_a')).toBe('g1:o_a')
    expect(archivedApplicationId('g1', 'o_a', 2)).toBe('g1:o_a#2')
    expect(applicationId('g1', 'o_a')).not.toBe(applicationId('g2', 'o_a'))
  })
})

describe('canStartNewRound', () => {
  it('allows a first application', () => {
    expect(canStartNewRound(null, false, 7, NOW)).toEqual({ allowed: true })
  })

  it('refuses while pending, and while an approved applicant is still a member', () => {
    expect(canStartNewRound({ status: 'pending', decidedAt: null }, false, 7, NOW)).toMatchObject({ allowed: false, reason: 'pending' })
    expect(canStartNewRound({ status: 'approved', decidedAt: NOW.toISOString() }, true, 7, NOW)).toMatchObject({ reason: 'approved' })
    expect(canStartNewRound({ status: 'approved', decidedAt: NOW.toISOString() }, false, 7, NOW)).toEqual({ allowed: true })
  })

  it('holds a rejected applicant back for the cooldown, then lets them in', () => {
    const rejected = { status: 'rejected' as const, decidedAt: '2026-11-20T02:00:00.000Z' }
    expect(canStartNewRound(rejected, false, 7, NOW)).toEqual({ allowed: false, reason: 'cooldown', until: '2026-11-27T02:00:00.000Z' })
    expect(canStartNewRound(rejected, false, 3, NOW)).toEqual({ allowed: true })
    expect(canStartNewRound(rejected, false, 0, NOW)).toEqual({ allowed: true })
  })

  it('lets a withdrawn applicant apply again at once', () => {
    expect(canStartNewRound({ status: 'withdrawn', decidedAt: NOW.toISOString() }, false, 7, NOW)).toEqual({ allowed: true })
  })

  it('computes the cooldown end only for rejections', () => {
    expect(reapplyAllowedAt({ status: 'withdrawn', decidedAt: NOW.toISOString() }, 7)).toBeNull()
    expect(reapplyAllowedAt({ status: 'rejected', decidedAt: NOW.toISOString() }, 1)).toBe('2026-11-24T02:00:00.000Z')
  })
})

describe('phone numbers', () => {
  it('are masked 138****1234 in lists', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('123')).toBe('****')
    expect(maskPhone(null)).toBeNull()
  })

  it('accept mainland mobiles only', () => {
    expect(MAINLAND_MOBILE.test('13812341234')).toBe(true)
    expect(MAINLAND_MOBILE.test('12812341234')).toBe(false)
    expect(MAINLAND_MOBILE.test('1381234123')).toBe(false)
  })
})

describe('answers and purge', () => {
  const questions: ApplicationQuestion[] = [
    { id: 'q1', kind: 'text', label: '从哪里知道本群？', required: true, options: [] },
    { id: 'q2', kind: 'choice', label: '每天能读多久？', required: false, options: ['15 分钟', '半小时'] },
  ]

  it('snapshots labels, drops unknown ids and blanks', () => {
    expect(snapshotAnswers(questions, { q1: ' 朋友推荐 ', q2: '', q9: 'x' })).toEqual([
      { questionId: 'q1', label: '从哪里知道本群？', answer: '朋友推荐' },
    ])
  })

  it('puts the purge cut-off the configured days back', () => {
    expect(purgeCutoff(NOW, 30)).toBe('2026-10-24T02:00:00.000Z')
  })
})

describe('role rules', () => {
  it.each([
    ['owner', 'admin', true],
    ['owner', 'member', true],
    ['owner', 'owner', false],
    ['admin', 'member', true],
    ['admin', 'admin', false],
    ['admin', 'owner', false],
    ['member', 'member', false],
  ] as const)('%s removing %s: %s', (actor, target, allowed) => {
    expect(canRemoveMember(actor, target)).toBe(allowed)
  })

  it('lets only the owner promote, demote and transfer', () => {
    expect(canChangeRole('owner', 'member', 'admin')).toBe(true)
    expect(canChangeRole('owner', 'admin', 'member')).toBe(true)
    expect(canChangeRole('owner', 'admin', 'admin')).toBe(false)
    expect(canChangeRole('admin', 'member', 'admin')).toBe(false)
    expect(canTransferOwnership('owner', 'admin')).toBe(true)
    expect(canTransferOwnership('admin', 'member')).toBe(false)
    expect(canLeave('owner')).toBe(false)
    expect(canLeave('member')).toBe(true)
  })
})

describe('auto-approval rules', () => {
  const on = { activeInviter: true, inviterActiveDays: 7, requireVerifiedPhone: true, trustedInviteIds: ['i_00000000aa'] }
  const facts = { inviteId: 'i_00000000bb', inviterActiveDay: '2026-11-20', today: '2026-11-23', phoneVerified: true, allAnswered: true }

  it('approves for an inviter active within N days, a verified phone and every answer; a trusted link always', () => {
    expect(autoApprovalRuleFor(on, facts)).toBe('activeInviter')
    expect(autoApprovalRuleFor(on, { ...facts, inviterActiveDay: '2026-11-16' })).toBe('activeInviter') // 7 days
    expect(autoApprovalRuleFor(on, { ...facts, inviteId: 'i_00000000aa', inviterActiveDay: null, phoneVerified: false, allAnswered: false })).toBe('trustedInvite')
  })

  it('waits otherwise, and everything is off by default', () => {
    expect(autoApprovalRuleFor(on, { ...facts, inviterActiveDay: '2026-11-15' })).toBeNull()
    expect(autoApprovalRuleFor(on, { ...facts, phoneVerified: false })).toBeNull()
    expect(autoApprovalRuleFor({ ...on, requireVerifiedPhone: false }, { ...facts, phoneVerified: false })).toBe('activeInviter')
    expect(autoApprovalRuleFor(on, { ...facts, allAnswered: false })).toBeNull()
    expect(autoApprovalRuleFor(on, { ...facts, inviterActiveDay: null })).toBeNull()
    expect(autoApprovalRuleFor(on, { ...facts, inviteId: null })).toBeNull()
    expect(autoApprovalRuleFor(autoApprovalOf({}), facts)).toBeNull()
    expect(needsInviterActivity(on, 'i_00000000aa')).toBe(false)
    expect(needsInviterActivity(on, null)).toBe(false)
    expect(needsInviterActivity(autoApprovalOf({}), 'i_00000000bb')).toBe(false)
    expect(needsInviterActivity(on, 'i_00000000bb')).toBe(true)
  })

  it('an asked application (需补充) is still open: no new round, and it counts as undecided', () => {
    expect(isOpen('needsInfo')).toBe(true)
    expect(isOpen('approved')).toBe(false)
    expect(canStartNewRound({ status: 'needsInfo', decidedAt: null }, false, 7, new Date('2026-11-23T00:00:00Z'))).toEqual({ allowed: false, reason: 'pending' })
  })
})
