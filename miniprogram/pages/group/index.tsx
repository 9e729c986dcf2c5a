/**
 * Group card page (pages/group/index?id=<groupId>): the public profile of one group from
 * `getGroupProfile` — name, topic, intro, members and capacity, status, the current rules — and the
 * viewer's role in it. Re-fetches when the H5 dev persona changes.
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Cell, CellGroup, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { getGroupProfile, type GroupProfile } from '../../../contracts/group'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import ErrorState from '../../components/error-state'
import PageShell from '../../components/page-shell'
import AdmissionEntries from '../../components/admission-entries'
import DailyEntries from '../../components/daily-entries'
import ParticipationEntries from '../../components/participation-entries'
import { usePageData } from '../../hooks/use-page-data'
import './index.scss'

export default function GroupPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getGroupProfile, { groupId })

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

      <AdmissionEntries groupId={profile.id} viewerRole={profile.viewerRole} />
      <DailyEntries groupId={profile.id} viewerRole={profile.viewerRole} />
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

function viewerRoleText(role: Role | null): string {
  if (role === null) return t('group.notMember')
  return t('group.yourRole', { role: t(`role.${role}`) })
}
