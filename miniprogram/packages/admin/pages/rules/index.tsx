/**
 * Admins' rules page (packages/admin/pages/rules/index?id=<groupId>): the current version and its date, and
 * the editor (one clause per line) that publishes the next version; one request id per opened editor, so a
 * retried publish answers the version it made. Members are then asked to confirm it (the group page's
 * banner, the inbox); the publisher has confirmed by publishing. Members who open it get the rules only.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { MAX_CLAUSE_LENGTH, MAX_CLAUSES, getRules, publishRules, type RulesView } from '../../../../../contracts/board'
import { formatLocal } from '../../../../../domain/days'
import { t } from '../../../../../i18n/strings'
import ErrorState from '../../../../components/error-state'
import FormField from '../../../../components/form-field'
import { listTextLimit } from '../../../../components/form-field/utils'
import PageShell from '../../../../components/page-shell'
import { useAction } from '../../../../hooks/use-action'
import { useRequestId } from '../../../../hooks/request-id'
import { usePageData } from '../../../../hooks/use-page-data'
import './index.scss'

/** The editor holds up to MAX_CLAUSES clauses, one per line. */
const RULES_TEXT_MAX = listTextLimit(MAX_CLAUSES, MAX_CLAUSE_LENGTH)

export default function ManageRulesPage() {
  const groupId = useRouter().params.id ?? ''
  const { state, reload } = usePageData(getRules, { groupId })
  return (
    <PageShell name="manage-rules-page">
      {state.status === 'loading' && state.first && <Skeleton rows={8} animated />}
      {state.status === 'error' && <ErrorState id="rules-error" message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <View id="rules-view">
          <Text id="rules-version" className="manage-rules__meta">
            {t('manageRules.current', { version: state.data.current.version, date: formatLocal(state.data.current.publishedAt, state.data.timezone, 'YYYY-MM-DD') })}
          </Text>
          {state.data.canPublish ? (
            // Keyed by version: after a publish the editor starts from the new text with a new request id.
            <RulesEditor key={state.data.current.version} view={state.data} onPublished={reload} />
          ) : (
            <View id="rules-current" className="manage-rules__card">
              {state.data.current.clauses.map((clause, index) => (
                <Text key={index} className="manage-rules__clause">{`${index + 1}. ${clause}`}</Text>
              ))}
              <Text id="rules-admins-only" className="manage-rules__meta">
                {t('tasks.adminsOnly')}
              </Text>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}

function RulesEditor({ view, onPublished }: { view: RulesView; onPublished: () => void }) {
  const [text, setText] = useState(view.current.clauses.join('\n'))
  const publishIt = useAction(publishRules)
  // One id per opened editor, the same on every retry: a retried publish answers the version it made.
  const request = useRequestId()
  const publish = async () => {
    const published = await publishIt.run({ groupId: view.groupId, clauses: text.split('\n'), requestId: request.id })
    if (!published) return
    request.renew()
    Taro.showToast({ title: t('rules.published', { version: published.version }), icon: 'none' })
    onPublished()
  }
  return (
    <View id="rules-editor" className="manage-rules__card">
      <Text className="manage-rules__title">{t('rules.edit')}</Text>
      <Text className="manage-rules__meta">{t('rules.editHint')}</Text>
      <FormField id="rules-editor-text" multiline controlClassName="manage-rules__text" value={text} maxLength={RULES_TEXT_MAX} onInput={setText} />
      {publishIt.error !== '' && (
        <Text id="rules-editor-error" className="form-error">
          {publishIt.error}
        </Text>
      )}
      <Button id="rules-publish" type="primary" block loading={publishIt.busy} onClick={publish}>
        {t('rules.publish')}
      </Button>
    </View>
  )
}
