/** The public power and responsibility list (权力清单 / 责任清单 公示). */
import { defineMessages } from '../../../i18n';

const zh = {
  title: '权力清单',
  intro: '城市管理部门依法行使的权力事项、实施单位、法定与承诺时限及责任事项，按版本公开。',
  current: '第 {{version}} 版，自 {{from}} 起施行，共 {{count}} 项',
  search: '搜索事项名称、编码或单位',
  columns: {
    code: '事项编码',
    name: '事项名称',
    type: '权力类型',
    source: '来源',
    unit: '实施单位',
    statutoryLimit: '法定时限',
    promisedLimit: '承诺时限',
  },
  limit: '{{value}} {{unit}}',
  detail: {
    legalBasis: '法律依据',
    responsibilities: '责任事项',
    accountability: '追责情形',
    delegations: '下放至街道',
    accepting: '受理单位',
    deciding: '决定单位',
    simple: '可适用简易程序',
  },
  versions: {
    title: '版本记录',
    version: '版本',
    effectiveFrom: '施行日期',
    effectiveTo: '截止日期',
    status: '状态',
    itemCount: '事项数',
    note: '说明',
    publishedAt: '发布时间',
    open: '现行',
    statuses: { superseded: '已废止', inForce: '现行有效', scheduled: '待施行', neverInForce: '未曾施行' },
  },
};

export const powerListMessages = defineMessages('citizenPowerList', zh, {
  title: 'Power list',
  intro:
    'The powers the city management office exercises by law, the units that exercise them, statutory and promised time limits and the duties that come with them, published by version.',
  current: 'Version {{version}}, in force from {{from}}, {{count}} items',
  search: 'Search by name, code or unit',
  columns: {
    code: 'Code',
    name: 'Power',
    type: 'Type',
    source: 'Source',
    unit: 'Implementing unit',
    statutoryLimit: 'Statutory limit',
    promisedLimit: 'Promised limit',
  },
  limit: '{{value}} {{unit}}',
  detail: {
    legalBasis: 'Legal basis',
    responsibilities: 'Duties',
    accountability: 'Accountability',
    delegations: 'Devolved to street offices',
    accepting: 'Accepting unit',
    deciding: 'Deciding unit',
    simple: 'Simple procedure allowed',
  },
  versions: {
    title: 'Versions',
    version: 'Version',
    effectiveFrom: 'In force from',
    effectiveTo: 'In force until',
    status: 'Status',
    itemCount: 'Items',
    note: 'Note',
    publishedAt: 'Published',
    open: 'open-ended',
    statuses: {
      superseded: 'Superseded',
      inForce: 'In force',
      scheduled: 'Scheduled',
      neverInForce: 'Never in force',
    },
  },
});
