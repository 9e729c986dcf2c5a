/**
 * Rules page (pages/rules/index?id=<groupId>): the group's current rules (version and date), what changed
 * since the version the member last acknowledged (added / removed / changed clauses), the acknowledge
 * button, and for admins an editor that publishes the next version.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { acknowledgeRules, getRules, publishRules, type RulesView } from '../../../contracts/board'
import { formatLocal } from '../../../domain/days'
import type { ClauseChange } from '../../../domain/rules'
import { t } from '../../../i18n/strings'
import { callAction, errorMessage } from '../../api/client'
import DevPersonaSwitcher from '../../components/dev-persona-switcher'
import ErrorState from '../../components/error-state'
import { useActionData } from '../../hooks/use-action-data'
import { useDevPersona } from '../../hooks/use-dev-persona'
import './index.scss'

export default function RulesPage() {
  const groupId = useRouter().params.id ?? ''
  const { session, personaKey, choosePersona } = useDevPersona()
  const [version, setVersion] = useState(0)
  const { state, reload } = useActionData(getRules, { groupId }, `${personaKey}:${version}`)
  return (
    <View className="page rules-page">
      <DevPersonaSwitcher session={session} currentKey={personaKey} onChange={choosePersona} />
      {state.status === 'loading' && version === 0 && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="rules-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <Rules view={state.data} onChanged={() => setVersion((n) => n + 1)} />}
    </View>
  )
}

function Rules({ view, onChanged }: { view: RulesView; onChanged: () => void }) {
  const upToDate = view.acknowledgedVersion === view.current.version
  const [error, setError] = useState('')

  const acknowledge = async () => {
    try {
      await callAction(acknowledgeRules, { groupId: view.groupId, version: view.current.version })
      onChanged()
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <View id="rules-view">
      {view.changes.length > 0 && (
        <View id="rules-changes" className="rules-card rules-changes">
          <Text className="rules-card__title">{t('rules.changesTitle', { version: view.acknowledgedVersion ?? 0 })}</Text>
          {view.changes.map((change, index) => (
            <ChangeRow key={index} change={change} />
          ))}
        </View>
      )}
      <View id="rules-current" className="rules-card">
        <Text className="rules-card__title">{view.groupName}</Text>
        <Text id="rules-version" className="rules-card__meta">
          {t('rules.version', { version: view.current.version, date: formatLocal(view.current.publishedAt, view.timezone, 'YYYY-MM-DD') })}
        </Text>
        {view.current.clauses.map((clause, index) => (
          <View key={index} className="rules-clause">
            <Text className="rules-clause__number">{`${index + 1}.`}</Text>
            <Text className="rules-clause__text">{clause}</Text>
          </View>
        ))}
      </View>
      {upToDate ? (
        <Text id="rules-acknowledged" className="rules-status">
          {t('rules.acknowledged', { version: view.current.version })}
        </Text>
      ) : (
        <Button id="rules-acknowledge" type="primary" block onClick={acknowledge}>
          {t('rules.acknowledge', { version: view.current.version })}
        </Button>
      )}
      {error !== '' && <Text className="form-error">{error}</Text>}
      {view.canPublish && <RulesEditor view={view} onPublished={onChanged} />}
    </View>
  )
}

function ChangeRow({ change }: { change: ClauseChange }) {
  const tag = change.kind === 'added' ? 'success' : change.kind === 'removed' ? 'danger' : 'warning'
  return (
    <View className="rules-change">
      <Tag type={tag}>
        <Text>{t(`rules.change.${change.kind}`)}</Text>
      </Tag>
      <View className="rules-change__text">
        {change.kind !== 'added' && <Text className="rules-change__before">{change.before}</Text>}
        {change.kind !== 'removed' && <Text className="rules-change__after">{change.after}</Text>}
      </View>
    </View>
  )
}

function RulesEditor({ view, onPublished }: { view: RulesView; onPublished: () => void }) {
  const [text, setText] = useState(view.current.clauses.join('\n'))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const publish = async () => {
    setBusy(true)
    setError('')
    try {
      const published = await callAction(publishRules, { groupId: view.groupId, clauses: text.split('\n') })
      Taro.showToast({ title: t('rules.published', { version: published.version }), icon: 'none' })
      onPublished()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id="rules-editor" className="rules-card">
      <Text className="rules-card__title">{t('rules.edit')}</Text>
      <Text className="rules-card__meta">{t('rules.editHint')}</Text>
      <Textarea id="rules-editor-text" className="rules-editor__text" value={text} maxlength={9000} onInput={(e) => setText(e.detail.value)} />
      {error !== '' && <Text id="rules-editor-error" className="form-error">{error}</Text>}
      <Button id="rules-publish" type="primary" block loading={busy} onClick={publish}>
        {t('rules.publish')}
      </Button>
    </View>
  )
}
