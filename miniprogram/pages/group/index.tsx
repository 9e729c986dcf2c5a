/**
 * Group card page (pages/group/index?id=<groupId>): the public profile of one group from
 * `getGroupProfile` — name, topic, intro, members and capacity, status, the current rules — and the
 * viewer's role in it; for a member how to get into the WeChat group (components/join-guide), for a visitor their
 * own application's status or 申请加入. Re-fetches when the H5 dev persona changes.
 */
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { getGroupProfile, type GroupProfile } from '../../../contracts/group'
import { getApplyPage, getJoinGuide } from '../../../contracts/admission'
import { pageUrl } from '../../../contracts/routes'
import JoinGuide from '../../components/join-guide'
import { shortTime } from '../../components/application-status/utils'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import PageShell from '../../components/page-shell'
import AdmissionEntries from '../../components/admission-entries'
import DailyEntries from '../../components/daily-entries'
import LotteryCard from '../../components/lottery-card'
import ParticipationEntries from '../../components/participation-entries'
import RulesBanner from '../../components/rules-banner'
import { usePageData } from '../../hooks/use-page-data'
import './index.scss'

export default function GroupPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getGroupProfile, { groupId })
  // Back from the rules or announcements page: the banner and the badges say what is still new.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  return (
    <PageShell name="group-page">
      {state.status === 'loading' && <Skeleton rows={6} animated />}
      {state.status === 'error' && <ErrorState id="group-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <GroupCard profile={state.data} />}
    </PageShell>
  )
}

function GroupCard({ profile }: { profile: GroupProfile }) {
  return (
    <View id="group-card">
      <RulesBanner groupId={profile.id} board={profile.board} />
      <View className="group-card">
        <Text id="group-name" className="group-card__name">
          {profile.name}
        </Text>
        <View className="group-card__tags">
          <Tag type="primary">
            <Text id="group-topic">{profile.topic}</Text>
          </Tag>
          <Tag type={profile.status === 'open' ? 'success' : 'default'}>
            <Text id="group-status">{profile.status === 'open' ? t('group.statusOpen') : profile.status === 'archived' ? t('lifecycle.archived') : t('group.closed')}</Text>
          </Tag>
        </View>
        <Text id="group-intro" className="group-card__intro">
          {profile.intro}
        </Text>
      </View>

      <CellGroup>
        <Cell
          title={<Text id="group-member-count">{t('group.members', { count: profile.memberCount })}</Text>}
          extra={<Text id="group-capacity">{t('group.capacity', { capacity: profile.capacity })}</Text>}
        />
        <Cell
          title={
            <Text id="group-seats">
              {profile.seatsLeft > 0 ? t('group.seatsLeft', { count: profile.seatsLeft }) : t('group.full')}
            </Text>
          }
        />
        <Cell title={<Text id="group-viewer-role">{viewerRoleText(profile.viewerRole)}</Text>} />
      </CellGroup>

      {profile.viewerRole === null ? <MyApplication groupId={profile.id} /> : <MemberJoinGuide groupId={profile.id} />}
      <AdmissionEntries groupId={profile.id} viewerRole={profile.viewerRole} withoutApply />
      <DailyEntries groupId={profile.id} viewerRole={profile.viewerRole} board={profile.board} />
      <LotteryCard groupId={profile.id} viewerRole={profile.viewerRole} />
      <ParticipationEntries groupId={profile.id} viewerRole={profile.viewerRole} status={profile.status} />

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
  const { state } = usePageData(getJoinGuide, { groupId })
  return state.status === 'ready' ? <JoinGuide groupId={groupId} view={state.data} /> : null
}

/**
 * A visitor: their own application's status (pending; rejected with the reason and when they may apply
 * again) instead of 申请加入, which shows only when they may apply.
 */
function MyApplication({ groupId }: { groupId: string }) {
  const { state } = usePageData(getApplyPage, { groupId })
  if (state.status !== 'ready') return null
  const { myApplication: mine, timezone } = state.data
  const openApply = () => Taro.navigateTo({ url: pageUrl('apply', { id: groupId }) })
  const waiting = mine?.status === 'pending' || (mine?.status === 'rejected' && mine.reapplyAllowedAt !== null && new Date(mine.reapplyAllowedAt) > new Date())
  return (
    <View id="group-my-application" className="group-my-application">
      {mine?.status === 'pending' && (
        <Text id="group-application-status" className="group-my-application__title">
          {t('groupStatus.pending')}
        </Text>
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
        <Button id="group-application-view" block fill="outline" onClick={openApply}>
          {t('groupStatus.view')}
        </Button>
      ) : (
        <Button id="entry-apply" type="primary" block onClick={openApply}>
          {mine?.status === 'rejected' ? t('apply.reapply') : t('groupEntry.apply')}
        </Button>
      )}
    </View>
  )
}

function viewerRoleText(role: Role | null): string {
  if (role === null) return t('group.notMember')
  return t('group.yourRole', { role: t(`role.${role}`) })
}
