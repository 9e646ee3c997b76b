/**
 * The demo power list of 上城区's urban-management bureau (城市管理局) and its comprehensive enforcement bureau
 * (综合行政执法局): the case loop's own item and the common enforcement items. Written in the project's own
 * words from the domain reference (shared/design/domain/enforcement-and-oversight.md §1, §2.1, §2.2, §8);
 * only law names and article numbers are cited. Articles the domain reference does not give are marked
 * '待核实' (to be checked against the statute before real use) — see docs/oversight.md § Demo list.
 */
import type {
  AccountabilityCase,
  Delegation,
  LegalBasis,
  PowerItem,
  PowerList,
  Responsibility,
} from './domain/types.js';

const APL = '中华人民共和国行政处罚法';
const ZJ_ENFORCEMENT = '浙江省综合行政执法条例';
const ZJ_CITY = '浙江省城市市容和环境卫生管理条例';
const TO_CHECK = '待核实';

export const CASE_LOOP_ITEM_CODE = 'SC-QT-0001';

const basis = (law: string, article: string, text: string): LegalBasis => ({ law, article, text });
const duty = (stage: Responsibility['stage'], text: string, source = ''): Responsibility => ({
  stage,
  duty: text,
  basis: source,
});
const blame = (situation: string, source: string): AccountabilityCase => ({ situation, basis: source });

/** The stage duties every ordinary-procedure penalty item carries (domain §8.3, §1). */
const PENALTY_DUTIES: Responsibility[] = [
  duty('file', '发现或者接到线索后及时核查，符合立案标准的及时立案', `${APL}第五十四条`),
  duty(
    'investigate',
    '两名以上持证执法人员调查取证，出示执法证件，依法回避，全过程记录',
    `${APL}第四十二条、第四十七条`,
  ),
  duty('review', '审查事实、证据、依据、程序和裁量；重大案件经法制审核', `${APL}第五十八条`),
  duty('notify', '作出决定前告知拟处罚内容及陈述、申辩、听证权利', `${APL}第四十四条、第六十三条`),
  duty('decide', '自立案之日起九十日内作出决定，适用裁量基准', `${APL}第六十条`),
  duty('serve', '依法送达决定书，当事人不在场的七日内送达', `${APL}第六十一条`),
  duty('execute', '督促履行，罚缴分离，逾期依法加处罚款或者申请强制执行', `${APL}第六十七条、第七十二条`),
  duty('supervise', '依法公示执法决定，接受投诉举报和监督', `${ZJ_ENFORCEMENT}第二十条`),
];

/** 追责情形 of a penalty item, paraphrasing the Penalty Law's liability chapter (domain §1, §9.2). */
const PENALTY_BLAME: AccountabilityCase[] = [
  blame('应当立案而不及时立案，或者对违法行为不予查处', `${APL}第七十六条第二款、第八十三条`),
  blame('没有法定依据、擅自改变处罚种类或者幅度、违反法定程序实施处罚', `${APL}第七十六条`),
  blame('不使用法定罚没票据或者自行收缴罚款违反规定', `${APL}第七十七条、第七十八条`),
  blame('执法人员不具备执法资格，或者辅助人员单独执法', `${ZJ_ENFORCEMENT}第二十八条、第三十条`),
];

const penalty = (
  code: string,
  name: string,
  legalBasis: LegalBasis[],
  options: { simple: boolean; delegations: Delegation[]; extraDuties?: Responsibility[] },
): PowerItem => ({
  code,
  name,
  type: 'penalty',
  source: 'statutory',
  implementingUnitCode: 'UM-ENFORCEMENT',
  acceptingUnitCode: 'UM-ENFORCEMENT',
  decidingUnitCode: 'UM-ENFORCEMENT',
  delegations: options.delegations,
  legalBasis: [...legalBasis, basis(APL, '第六十条', '普通程序案件自立案之日起九十日内作出处理决定')],
  statutoryLimit: { value: 90, unit: 'calendar_day' },
  promisedLimit: { value: 60, unit: 'calendar_day' },
  simpleProcedureAllowed: options.simple,
  responsibilities: [...(options.extraDuties ?? []), ...PENALTY_DUTIES],
  accountability: PENALTY_BLAME,
});

/** The order to correct that must be served, and expire, before a fine (domain §2.2). */
const ORDER_FIRST = duty(
  'notify',
  '先送达责令（限期）改正通知并复查；逾期或者拒不改正的，方可罚款',
  `${ZJ_CITY}（先责令改正后处罚）`,
);

/**
 * The list, with the high-frequency items delegated to the given street offices (浙江省综合行政执法条例
 * 第九条: counties may hand easy-to-detect items to streets; the delegation list is published).
 */
export function demoPowerList(streetOfficeCodes: readonly string[]): PowerList {
  const streets: Delegation[] = streetOfficeCodes.map((unitCode) => ({
    unitCode,
    scopeRemark: '限于本街道辖区，以街道名义实施',
  }));
  const items: PowerItem[] = [
    {
      code: CASE_LOOP_ITEM_CODE,
      name: '城市管理问题受理处置（数字城管案件办理）',
      type: 'other',
      source: 'statutory',
      implementingUnitCode: 'UM-BUREAU',
      acceptingUnitCode: 'UM-COMMAND',
      decidingUnitCode: 'UM-COMMAND',
      delegations: [],
      legalBasis: [
        basis(ZJ_ENFORCEMENT, '第五条', '建设统一的数字化执法平台，预警研判、指挥协同、监督评议'),
        basis(ZJ_ENFORCEMENT, '第三十四条', '内部监督，全过程留痕、可追溯'),
        basis(ZJ_CITY, '第四十四条', '有关工作人员不受理、不处理问题的，依法给予处分'),
      ],
      statutoryLimit: null,
      promisedLimit: null,
      simpleProcedureAllowed: false,
      responsibilities: [
        duty('accept', '受理监督员、市民和各渠道上报的城市管理问题，按立结案标准核实'),
        duty('file', '符合立案条件的及时立案，不符合的说明理由'),
        duty('dispatch', '按派遣规则派至责任单位，错派的及时改派'),
        duty('handle', '责任单位在立结案标准规定的处置时限内处置并反馈；不属本单位的及时回退并说明理由'),
        duty('check', '监督员现场核查处置结果，未达结案条件的返工'),
        duty('close', '核查通过后结案，作废、强制结案须有充分理由并留痕'),
        duty('supervise', '超时督办、电子监察和绩效评价，结果公开'),
      ],
      accountability: [
        blame('不受理、不处理或者无正当理由拖延处置群众反映的问题', `${ZJ_CITY}第四十四条`),
        blame('无正当理由作废、强制结案或者篡改案件记录', `${ZJ_ENFORCEMENT}第三十四条`),
      ],
    },
    penalty(
      'SC-CF-0016',
      '对占用人行道、桥梁、地下通道等公共场所设摊经营、兜售物品拒不改正的行政处罚',
      [basis(ZJ_CITY, '第十六条', '责令改正；拒不改正的，可以处小额罚款（五十元以下）')],
      { simple: true, delegations: streets, extraDuties: [ORDER_FIRST] },
    ),
    penalty(
      'SC-CF-0017',
      '对临街商铺超出门窗外墙经营、作业或者展示商品（店外经营）逾期不改正的行政处罚',
      [basis(ZJ_CITY, '第十七条第一款', '责令限期改正；逾期不改正的，处一百元以上一千元以下罚款')],
      { simple: true, delegations: streets, extraDuties: [ORDER_FIRST] },
    ),
    penalty(
      'SC-CF-0018',
      '对洗车、修车、废品回收等经营污染路面逾期不改正的行政处罚',
      [basis(ZJ_CITY, '第十七条第二款', '污水、废弃物污染路面，逾期不改正的，处五百元以上三千元以下罚款')],
      { simple: false, delegations: [], extraDuties: [ORDER_FIRST] },
    ),
    penalty(
      'SC-CF-0020',
      '对户外广告、招牌等户外设施设置不符合规范逾期不改正的行政处罚',
      [basis(ZJ_CITY, '第十八条', '设施不符合规范或者维护不善，逾期不改正的，按设施类别分档罚款')],
      { simple: false, delegations: [], extraDuties: [ORDER_FIRST] },
    ),
    penalty(
      'SC-CF-0011',
      '对主要街道临街阳台、窗外、屋顶吊挂或者堆放物品逾期不改正的行政处罚',
      [basis(ZJ_CITY, '第十一条', '逾期不改正的，处五十元以上五百元以下罚款')],
      { simple: true, delegations: streets, extraDuties: [ORDER_FIRST] },
    ),
    penalty(
      'SC-CF-0032',
      '对随地吐痰、乱扔废弃物以及乱倒垃圾、露天焚烧的行政处罚',
      [basis(ZJ_CITY, '第三十二条', '乱吐乱扔处小额罚款；乱倒垃圾、露天焚烧的，责令改正并处罚款')],
      { simple: true, delegations: streets },
    ),
    penalty(
      'SC-CF-0101',
      '对擅自在建筑物、构筑物和公共设施上张贴、涂写、刻画（乱张贴）的行政处罚',
      [basis(ZJ_CITY, TO_CHECK, '擅自张贴、涂写、刻画的，责令清除并可处罚款；具体条款待核实')],
      { simple: true, delegations: streets },
    ),
    penalty(
      'SC-CF-0201',
      '对未取得建设工程规划许可证或者未按许可进行建设（违法建设）的行政处罚',
      [basis('中华人民共和国城乡规划法', '第六十四条', '责令停止建设，限期改正或者拆除，并处罚款')],
      { simple: false, delegations: [] },
    ),
    penalty(
      'SC-CF-0301',
      '对运输建筑垃圾（渣土）沿途撒漏、未按规定路线时间运输或者乱倒的行政处罚',
      [basis('城市建筑垃圾管理规定', TO_CHECK, '撒漏、乱倒建筑垃圾的，责令改正并处罚款；具体条款待核实')],
      { simple: false, delegations: [] },
    ),
    {
      code: 'SC-JC-0001',
      name: '城市市容环境卫生和城市管理事项的日常检查',
      type: 'inspection',
      source: 'statutory',
      implementingUnitCode: 'UM-ENFORCEMENT',
      acceptingUnitCode: 'UM-ENFORCEMENT',
      decidingUnitCode: 'UM-ENFORCEMENT',
      delegations: streets,
      legalBasis: [
        basis(ZJ_ENFORCEMENT, '第二十一条', '日常检查实行双随机，频次与信用和风险相适应'),
        basis(ZJ_ENFORCEMENT, '第十三条、第十四条', '联合执法，综合查一次'),
      ],
      statutoryLimit: null,
      promisedLimit: null,
      simpleProcedureAllowed: false,
      responsibilities: [
        duty('investigate', '随机抽取检查对象和执法人员，两人以上出示证件检查并记录'),
        duty(
          'decide',
          '发现违法行为的依法立案或者责令改正；不属本部门职责的记录线索并移送',
          `${ZJ_ENFORCEMENT}第十八条`,
        ),
        duty('supervise', '公开检查计划和结果'),
      ],
      accountability: [
        blame('应检查而未检查，或者发现违法行为不予处理', `${APL}第八十三条`),
        blame('重复检查、随意检查，干扰正常生产经营', `${ZJ_ENFORCEMENT}第二十一条`),
      ],
    },
    {
      code: 'SC-QZ-0001',
      name: '违法建设当事人逾期不停止建设或者不拆除的强制拆除（区政府责成）',
      type: 'coercion',
      source: 'statutory',
      implementingUnitCode: 'UM-ENFORCEMENT',
      acceptingUnitCode: 'UM-ENFORCEMENT',
      decidingUnitCode: 'DISTRICT',
      delegations: [],
      legalBasis: [
        basis(
          '中华人民共和国城乡规划法',
          '第六十八条',
          '逾期不拆除的，由县级以上地方人民政府责成有关部门强制拆除',
        ),
        basis(
          '中华人民共和国行政强制法',
          TO_CHECK,
          '催告、陈述申辩、决定、公告等强制执行程序；具体条款待核实',
        ),
      ],
      statutoryLimit: null,
      promisedLimit: null,
      simpleProcedureAllowed: false,
      responsibilities: [
        duty('notify', '书面催告当事人履行，听取陈述和申辩'),
        duty('decide', '报请区人民政府作出强制拆除决定'),
        duty('serve', '送达决定并公告'),
        duty('execute', '按决定组织实施，全程文字和音像记录', `${ZJ_ENFORCEMENT}第二十条`),
      ],
      accountability: [
        blame('未经催告或者不听取陈述申辩即强制执行', '中华人民共和国行政强制法（条款待核实）'),
        blame('强制执行中未全程记录或者损害当事人合法权益', `${ZJ_ENFORCEMENT}第三十四条`),
      ],
    },
  ];
  return { items, caseLoopItemCode: CASE_LOOP_ITEM_CODE };
}

export const DEMO_EFFECTIVE_FROM = '2025-01-01';
export const DEMO_NOTE = '上城区城市管理权力清单和责任清单（演示数据，项目依据领域资料自编）';
