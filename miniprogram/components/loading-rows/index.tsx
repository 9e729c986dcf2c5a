/** A page's first load: grey bars where the content will be, gently pulsing (NutUI's Skeleton, without NutUI). See README.md. */
import { View } from '@tarojs/components'
import { loadingBars } from './utils'
import './index.scss'

export default function LoadingRows({ rows = 3 }: { rows?: number }) {
  return (
    <View className="loading-rows">
      {loadingBars(rows).map((bar, index) => (
        <View key={index} className={`loading-rows__${bar}`} />
      ))}
    </View>
  )
}
