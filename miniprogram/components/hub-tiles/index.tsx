/** The group home's large entries: a grid of tiles (glyph, label, badge) under 常用 and, for admins, 管理. See README.md. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BoardBadges } from '../../../contracts/board'
import type { Role } from '../../../domain/group'
import { t } from '../../../i18n/strings'
import { hubTiles, type HubTile } from './utils'
import './index.scss'

/** Each label written out, so the app build can put the text itself here (babel.config.js, inlineTexts). */
const LABELS: Record<string, string> = {
  'groupEntry.checkin': t('groupEntry.checkin'),
  'groupEntry.rules': t('groupEntry.rules'),
  'groupEntry.announcements': t('groupEntry.announcements'),
  'groupEntry.tasks': t('groupEntry.tasks'),
  'groupEntry.manageAnnouncements': t('groupEntry.manageAnnouncements'),
  'groupEntry.manageRules': t('groupEntry.manageRules'),
  'groupEntry.review': t('groupEntry.review'),
  'groupEntry.members': t('groupEntry.members'),
  'groupEntry.invite': t('groupEntry.invite'),
  'groupEntry.inbox': t('groupEntry.inbox'),
  'groupEntry.settings': t('groupEntry.settings'),
  'groupEntry.joinGuide': t('groupEntry.joinGuide'),
  'pEntry.leaderboard': t('pEntry.leaderboard'),
  'pEntry.progress': t('pEntry.progress'),
  'pEntry.dashboard': t('pEntry.dashboard'),
  'groupSettings.entry': t('groupSettings.entry'),
}

export interface HubTilesProps {
  groupId: string
  viewerRole: Role | null
  board?: BoardBadges | null
}

export default function HubTiles({ groupId, viewerRole, board }: HubTilesProps) {
  const { daily, manage } = hubTiles(groupId, viewerRole, board)
  return (
    <View id="hub-tiles" className="hub-tiles">
      {daily.length > 0 && <TileGrid id="hub-tiles-daily" title={t('hub.sectionDaily')} tiles={daily} />}
      {manage.length > 0 && <TileGrid id="hub-tiles-manage" title={t('hub.sectionManage')} tiles={manage} />}
    </View>
  )
}

function TileGrid({ id, title, tiles }: { id: string; title: string; tiles: HubTile[] }) {
  return (
    <View id={id} className="hub-tiles__section">
      <Text className="hub-tiles__title">{title}</Text>
      <View className="hub-tiles__grid">
        {tiles.map((tile) => (
          <Tile key={tile.key} tile={tile} />
        ))}
      </View>
    </View>
  )
}

function Tile({ tile }: { tile: HubTile }) {
  return (
    <View id={`entry-${tile.key}`} className="hub-tile" hoverClass="hub-tile--pressed" onClick={() => Taro.navigateTo({ url: tile.url })}>
      <View className={`hub-tile__icon hub-tile__icon--${tile.tone}`}>
        <Text className="hub-tile__glyph">{tile.glyph}</Text>
        {tile.badge && (
          <View id={`entry-${tile.key}-badge`} className={'dot' in tile.badge ? 'hub-tile__dot' : 'hub-tile__count'}>
            {'count' in tile.badge && <Text>{tile.badge.count}</Text>}
          </View>
        )}
      </View>
      <Text className="hub-tile__label">{LABELS[tile.label] ?? tile.label}</Text>
    </View>
  )
}
