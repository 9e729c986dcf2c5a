/**
 * Members page (pages/members/index?id=<groupId>): the roster with roles (群主 / 管理员 / 成员). Admin
 * actions appear by the viewer's role — the owner promotes / demotes admins, transfers ownership and
 * removes anyone; admins remove plain members — and every member but the owner may leave. The function
 * checks each action again on the server.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { ROSTER_PAGE_SIZE, changeMemberRole, leaveGroup, listMembers, removeMember, transferOwnership, type RosterMember, type RosterPage } from '../../../contracts/members'
import { canChangeRole, canLeave, canRemoveMember, canTransferOwnership } from '../../../domain/roles'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import ErrorState from '../../components/error-state'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'

export default function MembersPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const [version, setVersion] = useState(0)
  const [cursor, setCursor] = useState(0)
  const { state, reload } = useActionData(listMembers, { groupId, cursor }, `${personaKey}:${version}`)
  const [message, setMessage] = useState('')

  async function act(confirmText: string | null, run: () => Promise<unknown>, done: string) {
    if (confirmText) {
      const answer = await Taro.showModal({ title: confirmText, content: '' })
      if (!answer.confirm) return
    }
    try {
      await run()
      setMessage(done)
      setVersion((n) => n + 1)
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }

  return (
    <View className="page members-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
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
          onRemove={(m) => act(`${t('members.remove')} ${m.nickname}？`, () => callAction(removeMember, { groupId, targetOpenid: m.openid, reason: '' }), `${t('members.remove')} ${m.nickname}`)}
          onRole={(m, role) =>
            act(null, () => callAction(changeMemberRole, { groupId, targetOpenid: m.openid, role }), `${role === 'admin' ? t('members.promote') : t('members.demote')}：${m.nickname}`)
          }
          onTransfer={(m) => act(`${t('members.transfer')} → ${m.nickname}？`, () => callAction(transferOwnership, { groupId, targetOpenid: m.openid }), `${t('members.transfer')} → ${m.nickname}`)}
          onLeave={() => act(`${t('members.leave')}？`, () => callAction(leaveGroup, { groupId }), t('members.left'))}
        />
      )}
      {state.status === 'ready' && (cursor > 0 || state.data.next !== null) && (
        <View className="members-pager">
          <Button id="members-prev" size="small" disabled={cursor === 0} onClick={() => setCursor(Math.max(0, cursor - ROSTER_PAGE_SIZE))}>
            {t('members.prev')}
          </Button>
          <Button id="members-next" size="small" disabled={state.data.next === null} onClick={() => setCursor(state.data.next ?? cursor)}>
            {t('members.next')}
          </Button>
        </View>
      )}
    </View>
  )
}

function Roster(props: {
  page: RosterPage
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
        {page.items.map((member, index) => {
          const self = member.openid === page.viewerOpenid
          return (
            <View key={member.openid} id={`member-${index}`} className="members-row">
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
