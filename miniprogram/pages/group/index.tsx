/**
 * The group home (pages/group/index?id=<groupId>), the hub of a group: its card from `getGroupProfile` — name,
 * topic, intro, members and capacity, status, the current rules — and the viewer's role; for a member today's
 * task, their check-in and the pinned announcement (components/today-panel, from the same call), the open
 * lottery, large entries to every page (components/hub-tiles) and how to get into the WeChat group
 * (components/join-guide); for a visitor their own application's status or 申请加入. Re-fetches when it shows
 * again and when the H5 dev persona changes. In the main package: no NutUI and no contract values (actions
 * from `api/main-actions.ts`); see README "Keeping the main package small".
 */
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { GroupProfile } from '../../../contracts/group'
import { pageUrl } from '../../../contracts/routes'
import JoinGuide from '../../components/join-guide'
import { shortTime } from '../../components/application-status/utils'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import AppButton from '../../components/app-button'
import AppTag from '../../components/app-tag'
import ErrorState from '../../components/error-state'
import LoadingRows from '../../components/loading-rows'
import PageShell from '../../components/page-shell'
import HubTiles from '../../components/hub-tiles'
import TodayPanel from '../../components/today-panel'
import PendingBadge from '../../components/pending-badge'
import LotteryCard from '../../components/lottery-card'
import RulesBanner from '../../components/rules-banner'
import { GET_APPLY_PAGE, GET_GROUP_PROFILE, GET_JOIN_GUIDE } from '../../api/main-actions'
import { usePageData } from '../../hooks/use-page-data'
import './index.scss'

export default function GroupPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(GET_GROUP_PROFILE, { groupId })
  // Back from the rules or announcements page: the banner and the badges say what is still new.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  return (
    <PageShell name="group-page">
      {state.status === 'loading' && <LoadingRows rows={6} />}
      {state.status === 'error' && <ErrorState id="group-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <GroupCard profile={state.data} />}
    </PageShell>
  )
}

function GroupCard({ profile }: { profile: GroupProfile }) {
  const member = profile.viewerRole !== null
  return (
    <View id="group-card">
      <RulesBanner groupId={profile.id} board={profile.board} />
      <View className="group-card">
        <Text id="group-name" className="group-card__name">
          {profile.name}
        </Text>
        <View className="group-card__tags">
          <AppTag type="primary">
            <Text id="group-topic">{profile.topic}</Text>
          </AppTag>
          <AppTag type={profile.status === 'open' ? 'success' : 'default'}>
            <Text id="group-status">{profile.status === 'open' ? t('group.statusOpen') : profile.status === 'archived' ? t('lifecycle.archived') : t('group.closed')}</Text>
          </AppTag>
        </View>
        <Text id="group-intro" className="group-card__intro">
          {profile.intro}
        </Text>
        <View className="group-card__facts">
          <Text id="group-member-count" className="group-card__fact">{t('group.members', { count: profile.memberCount })}</Text>
          <Text id="group-capacity" className="group-card__fact">{t('group.capacity', { capacity: profile.capacity })}</Text>
          <Text id="group-seats" className="group-card__fact">
            {profile.seatsLeft > 0 ? t('group.seatsLeft', { count: profile.seatsLeft }) : t('group.full')}
          </Text>
        </View>
        <Text id="group-viewer-role" className="group-card__role">{viewerRoleText(profile.viewerRole)}</Text>
      </View>

      {profile.status === 'archived' && (
        <Text id="group-archived-banner" className="group-archived">
          {t('pEntry.archivedBanner')}
        </Text>
      )}
      <PendingBadge groups={[{ id: profile.id, name: profile.name, role: profile.viewerRole }]} variant="group" />
      {!member && <MyApplication groupId={profile.id} />}
      {member && profile.today && <TodayPanel groupId={profile.id} today={profile.today} />}
      <HubTiles groupId={profile.id} viewerRole={profile.viewerRole} board={profile.board} />
      <LotteryCard groupId={profile.id} viewerRole={profile.viewerRole} />
      {member && <MemberJoinGuide groupId={profile.id} />}

      <View id="group-rules" className="group-rules">
        <View className="group-rules__header">
          <Text className="group-rules__title">{t('group.rules')}</Text>
          <Text className="group-rules__version">{t('group.rulesVersion', { version: profile.rules.version })}</Text>
        </View>
        {profile.rules.clauses.map((clause, index) => (
          <View key={index} className="group-rules__clause">
            <Text className="group-rules__number">{`${index + 1}.`}</Text>
            <Text className="group-rules__text">{clause}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** A member: how to get into the WeChat group (beside the nickname to use there). */
function MemberJoinGuide({ groupId }: { groupId: string }) {
  const { state } = usePageData(GET_JOIN_GUIDE, { groupId })
  return state.status === 'ready' ? <JoinGuide groupId={groupId} view={state.data} /> : null
}

/**
 * A visitor: their own application's status (pending; rejected with the reason and when they may apply
 * again) instead of 申请加入, which shows only when they may apply.
 */
function MyApplication({ groupId }: { groupId: string }) {
  const { state } = usePageData(GET_APPLY_PAGE, { groupId })
  if (state.status !== 'ready') return null
  const { myApplication: mine, timezone } = state.data
  const openApply = () => Taro.navigateTo({ url: pageUrl('apply', { id: groupId }) })
  const waiting = mine?.status === 'pending' || mine?.status === 'needsInfo' || (mine?.status === 'rejected' && mine.reapplyAllowedAt !== null && new Date(mine.reapplyAllowedAt) > new Date())
  return (
    <View id="group-my-application" className="group-my-application">
      {mine?.status === 'pending' && (
        <Text id="group-application-status" className="group-my-application__title">
          {t('groupStatus.pending')}
        </Text>
      )}
      {mine?.status === 'needsInfo' && (
        <>
          <Text id="group-application-status" className="group-my-application__title">
            {t('groupStatus.needsInfo')}
          </Text>
          <Text id="group-application-question" className="group-my-application__meta">
            {t('followUp.question', { question: mine.followUps[mine.followUps.length - 1]?.question ?? '' })}
          </Text>
        </>
      )}
      {mine?.status === 'rejected' && (
        <>
          <Text id="group-application-status" className="group-my-application__title">
            {t('groupStatus.rejected')}
          </Text>
          <Text id="group-application-reason" className="group-my-application__meta">
            {t('apply.rejectReason', { reason: mine.rejectReason ?? t('admission.noReason') })}
          </Text>
          {mine.reapplyAllowedAt && (
            <Text id="group-application-reapply" className="group-my-application__meta">
              {t('apply.reapplyAfter', { time: shortTime(mine.reapplyAllowedAt, timezone) })}
            </Text>
          )}
        </>
      )}
      {waiting ? (
        <AppButton id="group-application-view" block type={mine?.status === 'needsInfo' ? 'primary' : 'default'} fill={mine?.status === 'needsInfo' ? 'solid' : 'outline'} onClick={openApply}>
          {mine?.status === 'needsInfo' ? t('groupStatus.answer') : t('groupStatus.view')}
        </AppButton>
      ) : (
        <AppButton id="entry-apply" type="primary" block onClick={openApply}>
          {mine?.status === 'rejected' ? t('apply.reapply') : t('groupEntry.apply')}
        </AppButton>
      )}
    </View>
  )
}

function viewerRoleText(role: Role | null): string {
  if (role === null) return t('group.notMember')
  return t('group.yourRole', { role: t(`role.${role}`) })
}
