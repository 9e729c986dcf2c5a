/**
 * Members page (packages/member/pages/members/index?id=<groupId>): the roster with roles (群主 / 管理员 / 成员). Admin
 * actions appear by the viewer's role — the owner promotes / demotes admins, transfers ownership and
 * removes anyone; admins remove plain members — and every member but the owner may leave. The function
 * checks each action again on the server. The roster loads a page at a time (加载更多). Members are named
 * by their opaque roster `key` (the page never sees an OPENID); the viewer's own row is `isViewer`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { changeMemberRole, leaveGroup, listMembers, removeMember, transferOwnership, type RosterMember, type RosterPage } from '../../../../../contracts/members'
import { canChangeRole, canLeave, canRemoveMember, canTransferOwnership } from '../../../../../domain/roles'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import PageShell from '../../../../components/page-shell'
import LoadMore from '../../../../components/load-more'
import { useAction } from '../../../../hooks/use-action'
import { usePagedAction } from '../../../../hooks/use-paged-action'
import './index.scss'

export default function MembersPage() {
  const groupId = useRouter().params.id ?? ''
  const roster = usePagedAction(listMembers, { groupId })
  const { state, reload } = roster
  const remove = useAction(removeMember)
  const changeRole = useAction(changeMemberRole)
  const transfer = useAction(transferOwnership)
  const leave = useAction(leaveGroup)
  const [notice, setNotice] = useState('')
  const message = notice || remove.error || changeRole.error || transfer.error || leave.error

  /** Confirm when asked, run one member action, then say what happened and reload the roster. */
  async function act(confirmText: string | null, run: () => Promise<object | undefined>, done: string) {
    if (confirmText) {
      const answer = await Taro.showModal({ title: confirmText, content: '' })
      if (!answer.confirm) return
    }
    setNotice('')
    for (const action of [remove, changeRole, transfer, leave]) action.reset()
    if (await run()) {
      setNotice(done)
      reload()
    }
  }

  return (
    <PageShell name="members-page">
      {message !== '' && (
        <Text id="members-message" className="members-message">
          {message}
        </Text>
      )}
      {state.status === 'loading' && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="members-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <Roster
          page={state.data}
          members={roster.items}
          onRemove={(m) => act(`${t('members.remove')} ${m.nickname}？`, () => remove.run({ groupId, memberKey: m.key, reason: '' }), `${t('members.remove')} ${m.nickname}`)}
          onRole={(m, role) =>
            act(null, () => changeRole.run({ groupId, memberKey: m.key, role }), `${role === 'admin' ? t('members.promote') : t('members.demote')}：${m.nickname}`)
          }
          onTransfer={(m) => act(`${t('members.transfer')} → ${m.nickname}？`, () => transfer.run({ groupId, memberKey: m.key }), `${t('members.transfer')} → ${m.nickname}`)}
          onLeave={() => act(`${t('members.leave')}？`, () => leave.run({ groupId }), t('members.left'))}
        />
      )}
      {state.status === 'ready' && <LoadMore id="members-more" list={roster} />}
    </PageShell>
  )
}

function Roster(props: {
  /** The first page: total and the viewer's role. */
  page: RosterPage
  /** Every member loaded so far. */
  members: RosterMember[]
  onRemove: (member: RosterMember) => void
  onRole: (member: RosterMember, role: 'admin' | 'member') => void
  onTransfer: (member: RosterMember) => void
  onLeave: () => void
}) {
  const { page } = props
  return (
    <View id="members-roster">
      <Text className="section-title">{t('members.count', { count: page.total })}</Text>
      <CellGroup>
        {props.members.map((member, index) => {
          const self = member.isViewer
          return (
            <View key={member.key} id={`member-${index}`} className="members-row">
              <Cell
                title={<Text className="members-row__name">{`${member.nickname}${self ? t('members.you') : ''}`}</Text>}
                extra={<Tag type={member.role === 'member' ? 'default' : 'primary'}>{t(`role.${member.role}`)}</Tag>}
              />
              {!self && (
                <View className="members-row__actions">
                  {canChangeRole(page.viewerRole, member.role, member.role === 'admin' ? 'member' : 'admin') && (
                    <Button id={`role-${index}`} size="mini" onClick={() => props.onRole(member, member.role === 'admin' ? 'member' : 'admin')}>
                      {member.role === 'admin' ? t('members.demote') : t('members.promote')}
                    </Button>
                  )}
                  {canTransferOwnership(page.viewerRole, member.role) && (
                    <Button id={`transfer-${index}`} size="mini" onClick={() => props.onTransfer(member)}>
                      {t('members.transfer')}
                    </Button>
                  )}
                  {canRemoveMember(page.viewerRole, member.role) && (
                    <Button id={`remove-${index}`} size="mini" type="danger" fill="outline" onClick={() => props.onRemove(member)}>
                      {t('members.remove')}
                    </Button>
                  )}
                </View>
              )}
            </View>
          )
        })}
      </CellGroup>
      {canLeave(page.viewerRole) && (
        <View className="members-leave">
          <Button id="leave-group" block type="danger" fill="outline" onClick={props.onLeave}>
            {t('members.leave')}
          </Button>
        </View>
      )}
    </View>
  )
}
