/** The citizen portal's frame, home page and not-found page (report, track and the public lists have their own). */
import { defineMessages } from '../../i18n';

const zh = {
  frame: {
    brand: '城治 · 公众服务',
    nav: '公众服务导航',
    home: '首页',
    powerList: '权力清单',
    staff: '工作人员登录',
    switchTo: 'English',
    languageLabel: '切换到英文',
    footer: '上报与查询无需注册。您的姓名和电话只供工作人员回访核实，任何公开页面都不会显示。',
  },
  home: {
    title: '市民随手拍，城市问题我来报',
    intro:
      '发现井盖缺失、道路破损、垃圾堆放、占道经营等城市管理问题？在地图上标出位置、拍张照片即可上报。城市管理部门会核实、派遣处置单位并按时限处理，您可以随时凭案件编号和查询码查看进度，结案后为处理结果打分。',
    report: '我要举报',
    reportHint: '地图选点 + 拍照，约 1 分钟',
    track: '进度查询',
    trackHint: '凭案件编号和查询码',
    how: '办理流程',
    steps: {
      report: '上报：选位置、选问题类别、拍照描述',
      verify: '核实：监督员到现场核实',
      handle: '处置：派遣责任单位在时限内处理',
      check: '核查结案：现场核查合格后结案',
      rate: '评价：您对处理结果进行满意度评价',
    },
    open: '政务公开',
    rankings: '考评公开',
    rankingsHint: '各街道、社区、单位的处置率与按期结案率',
    powerList: '权力清单',
    powerListHint: '城市管理权力事项、责任单位与办理时限',
  },
  notFound: { title: '页面不存在', body: '您访问的地址不存在或已移动。', home: '返回首页' },
};

export const citizenMessages = defineMessages('citizen', zh, {
  frame: {
    brand: 'Chengzhi · Public services',
    nav: 'Public services',
    home: 'Home',
    powerList: 'Power list',
    staff: 'Staff sign-in',
    switchTo: '中文',
    languageLabel: 'Switch to Chinese',
    footer:
      'Reporting and tracking need no account. Your name and phone are only used by staff to call you back; no public page ever shows them.',
  },
  home: {
    title: 'See a problem in the city? Report it',
    intro:
      'A missing manhole cover, a broken pavement, piled-up rubbish, street vending that blocks the way? Mark the place on the map, take a photo and send it. The city management office verifies it, sends the responsible unit and tracks the time limit; you can follow the progress with your case number and tracking code, and rate the result once it is closed.',
    report: 'Report a problem',
    reportHint: 'Pick the place on a map, add a photo — about a minute',
    track: 'Track a report',
    trackHint: 'With your case number and tracking code',
    how: 'How it works',
    steps: {
      report: 'Report: the place, the kind of problem, a photo and a description',
      verify: 'Verify: an inspector checks it on site',
      handle: 'Handle: the responsible unit fixes it within the time limit',
      check: 'Check and close: closed after an on-site check',
      rate: 'Rate: you tell us how satisfied you are',
    },
    open: 'Open government',
    rankings: 'Public rankings',
    rankingsHint: 'Handling and on-time closing rates of streets, communities and units',
    powerList: 'Power list',
    powerListHint: 'The powers of city management, the units responsible and their time limits',
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not exist or has moved.',
    home: 'Back to the home page',
  },
});
