// Taro's floor: the smallest React app Taro builds, measured against ours by `npm run bench`.
export default defineAppConfig({ pages: ['pages/index/index'] })
