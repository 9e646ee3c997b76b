/** The public rankings (考评公开): counts and rates only. */
import { defineMessages } from '../../../i18n';

const zh = {
  title: '考评公开',
  intro: '各街道、社区、处置单位、问题类别和上报渠道的办理情况，只公开统计数字和比率，不含任何个人信息。',
  objectType: '排名对象',
  granularity: '统计周期',
  period: '期间',
  objectTypes: {
    district: '全区',
    street: '街道',
    community: '社区',
    unit: '处置单位',
    category: '问题类别',
    channel: '上报渠道',
  },
  granularities: { month: '月', quarter: '季度', year: '年' },
  columns: {
    rank: '名次',
    name: '名称',
    filed: '立案数',
    handled: '处置数',
    handleRate: '处置率',
    handledOnTimeRate: '按期处置率',
    closed: '结案数',
    closeRate: '结案率',
    closedOnTimeRate: '按期结案率',
    score: '综合得分',
  },
  empty: '该期间暂无数据',
  caption: '{{period}} · {{objectType}}排名',
};

export const rankingsMessages = defineMessages('citizenRankings', zh, {
  title: 'Public rankings',
  intro:
    'How streets, communities, units, kinds of problem and reporting channels handle cases: counts and rates only, nothing personal.',
  objectType: 'Ranked',
  granularity: 'Period type',
  period: 'Period',
  objectTypes: {
    district: 'District',
    street: 'Streets',
    community: 'Communities',
    unit: 'Units',
    category: 'Kinds of problem',
    channel: 'Channels',
  },
  granularities: { month: 'Month', quarter: 'Quarter', year: 'Year' },
  columns: {
    rank: 'Rank',
    name: 'Name',
    filed: 'Filed',
    handled: 'Handled',
    handleRate: 'Handling rate',
    handledOnTimeRate: 'Handled on time',
    closed: 'Closed',
    closeRate: 'Closing rate',
    closedOnTimeRate: 'Closed on time',
    score: 'Score',
  },
  empty: 'No data for this period',
  caption: '{{period}} · {{objectType}}',
});
