import { COLLECT, LAW, laws } from './shared-texts.js';
import type { MajorSource, MinorSource, RowSource } from './source-types.js';
import type { UnitKind } from '../domain/unit-kinds.js';

/**
 * 部件 (components) of the default dataset for 杭州市上城区, in six classes as CJ/T 214-2007 lists them
 * (公用设施, 道路交通, 市容环境, 园林绿化, 房屋土地, 其他设施). Local extensions count down from 99.
 */

const MANHOLE_OPEN: RowSource = [
  '井盖缺失、破碎、移位或翻转，井口敞开，存在行人、车辆坠落危险的',
  '2紧急工作时',
  '已设置警示围护，并补齐、更换或复位井盖，井盖与井框吻合，安全隐患消除',
];
const MANHOLE_LOOSE: RowSource = [
  '井盖破损、开裂、松动，或车辆、行人通过时出现明显响动、跳动的',
  '2工作日',
  '已修复或更换井盖，井盖安放平稳，通过时无响动',
];
const MANHOLE_BURIED: RowSource = [
  '井盖被沥青、混凝土或杂物覆盖掩埋，无法识别或开启的',
  '3工作日',
  '已清理或提升井盖，井盖外露、可正常开启',
];
const MANHOLE_FRAME: RowSource = [
  '井框与周边路面高差超过2厘米，或井盖周边1.5米范围内路面沉陷、拱起、碎裂的',
  '5工作日',
  '井框已调平，周边路面已修补，与路面衔接平顺',
];

function manhole(
  code: string,
  name: string,
  responsible: UnitKind,
  legalBasis: string,
  extraRows: readonly RowSource[] = [],
): MinorSource {
  return {
    code,
    name,
    units: ['urban_management', responsible],
    legalBasis,
    collection: COLLECT.manhole,
    rows: [MANHOLE_OPEN, MANHOLE_LOOSE, MANHOLE_FRAME, ...extraRows],
  };
}

const PUBLIC_UTILITIES: MajorSource = {
  code: '01',
  name: '公用设施',
  minors: [
    manhole('01', '上水井盖', 'water', laws(LAW.roadFacilities, LAW.waterSupply), [MANHOLE_BURIED]),
    manhole('02', '污水井盖', 'drainage', laws(LAW.roadFacilities, LAW.drainage), [MANHOLE_BURIED]),
    manhole('03', '雨水井盖', 'drainage', laws(LAW.roadFacilities, LAW.drainage), [MANHOLE_BURIED]),
    {
      code: '04',
      name: '雨水箅子',
      units: ['urban_management', 'drainage'],
      legalBasis: laws(LAW.roadFacilities, LAW.drainage),
      collection: COLLECT.facility,
      rows: [
        [
          '箅子缺失、断裂或移位，存在行人、车辆陷落危险的',
          '2紧急工作时',
          '已补齐或更换箅子，安放稳固，安全隐患消除',
        ],
        [
          '箅子被垃圾、泥沙、落叶等堵塞，堵塞面积达三分之一以上，影响排水的',
          '1工作日',
          '已清掏疏通，箅面无遮挡，排水通畅',
        ],
        [
          '箅子破损、松动、下沉，或与路面高差超过2厘米的',
          '3工作日',
          '已修复或更换，箅子安放平稳，与路面衔接平顺',
        ],
      ],
    },
    manhole('05', '电力井盖', 'power', laws(LAW.roadFacilities, LAW.power), [MANHOLE_BURIED]),
    manhole('06', '路灯井盖', 'municipal', laws(LAW.roadFacilities, LAW.lighting)),
    manhole('07', '通信井盖', 'telecom', LAW.roadFacilities, [MANHOLE_BURIED]),
    manhole('08', '燃气井盖', 'gas', laws(LAW.roadFacilities, LAW.gas), [
      ['井盖周边闻到明显燃气异味的', '1紧急工作时', '燃气企业已到场检测并处置，确认无泄漏或已完成抢修'],
    ]),
    manhole('09', '交通信号井盖', 'traffic', LAW.roadFacilities),
    {
      code: '10',
      name: '园林井盖',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.manhole,
      rows: [
        MANHOLE_OPEN,
        ['井盖破损、开裂、松动或被泥土杂物掩埋的', '3工作日', '已修复、更换或清理，井盖完好可见'],
      ],
    },
    {
      code: '11',
      name: '化粪池井盖',
      units: ['urban_management', 'property'],
      legalBasis: '',
      collection: COLLECT.manhole,
      rows: [
        MANHOLE_OPEN,
        [
          '井盖破损、松动，或井口周边有粪水渗出、异味明显的',
          '1工作日',
          '已修复或更换井盖，渗漏已处理，周边清理干净',
        ],
      ],
    },
    {
      code: '12',
      name: '不明井盖',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.roadFacilities,
      collection: COLLECT.manhole,
      rows: [
        [
          '权属不明的井盖缺失、破碎或移位，井口敞开，存在坠落危险的',
          '2紧急工作时',
          '已设置警示围护并临时封盖，安全隐患消除',
        ],
        [
          '权属不明的井盖破损、松动或井框沉降的',
          '5工作日',
          '已查明权属并由权属单位修复，或由市政养护单位先行修复',
        ],
      ],
    },
    {
      code: '13',
      name: '消火栓',
      units: ['fire', 'water'],
      legalBasis: LAW.fireFacilities,
      collection: COLLECT.facilityWithId,
      rows: [
        ['消火栓被撞倒、断裂，或漏水、喷水的', '4工作时', '已关阀止水并设置警示，消火栓修复或更换后恢复正常'],
        ['消火栓部件缺失、闷盖丢失、严重锈蚀或明显倾斜的', '3工作日', '已补齐部件、除锈或扶正，外观完好'],
        ['消火栓被埋压、圈占、遮挡，或周边堆物影响取水的', '1工作日', '遮挡物、堆物已清除，取水通道畅通'],
      ],
    },
    {
      code: '14',
      name: '配电箱（电缆分支箱）',
      units: ['power', 'power'],
      legalBasis: LAW.power,
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '箱门缺失或无法关闭，电缆、接线端子裸露，存在触电隐患的',
          '4工作时',
          '已关闭或封堵箱门，裸露部位已防护，无触电隐患',
        ],
        ['箱体破损、倾斜、锈蚀明显或基座损坏的', '3工作日', '已修复、扶正或更换，箱体完好稳固'],
        ['箱体有明显污渍、涂画或张贴小广告的', '2工作日', '已清洗，箱体外观整洁'],
      ],
    },
    {
      code: '15',
      name: '箱式变电站',
      units: ['power', 'power'],
      legalBasis: LAW.power,
      collection: COLLECT.facilityWithId,
      rows: [
        ['围栏、箱门破损，或安全警示标志缺失的', '3工作日', '已修复围栏、箱门，警示标志齐全'],
        ['外观有明显污渍、涂画或张贴小广告的', '2工作日', '已清洗，外观整洁'],
      ],
    },
    {
      code: '16',
      name: '通信交接箱',
      units: ['telecom', 'telecom'],
      legalBasis: '',
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '箱门、锁具缺失或损坏，箱体破损、倾斜、倒伏或锈蚀明显的',
          '2工作日',
          '已修复或更换，箱门可正常关闭上锁，箱体完好',
        ],
        ['箱体有明显污渍、涂画或张贴小广告的', '1工作日', '已清洁，外观整洁'],
      ],
    },
    {
      code: '17',
      name: '电力杆',
      units: ['power', 'power'],
      legalBasis: LAW.power,
      collection: COLLECT.facilityWithId,
      rows: [
        ['电杆倒伏、断裂或严重倾斜，有倒塌危险的', '4工作时', '已设置警示，电杆已扶正、加固或更换，隐患消除'],
        ['拉线松脱、断股，或杆上附挂物松脱悬垂的', '1工作日', '已紧固或整理，附挂物规范牢固'],
        ['杆身张贴、悬挂小广告或杂物的', '2工作日', '已清除，杆身整洁'],
      ],
    },
    {
      code: '18',
      name: '通信杆',
      units: ['telecom', 'telecom'],
      legalBasis: '',
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '通信杆倒伏、断裂或严重倾斜，有倒塌危险的',
          '4工作时',
          '已设置警示，通信杆已扶正、加固或拆除，隐患消除',
        ],
        ['废弃通信杆未拆除，或杆上线缆杂乱、附挂物松脱的', '5工作日', '废弃杆已拆除，线缆已整理规范'],
        ['杆身张贴、悬挂小广告或杂物的', '2工作日', '已清除，杆身整洁'],
      ],
    },
    {
      code: '19',
      name: '路灯',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.lighting,
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '灯杆倒伏、折断，或灯具、灯臂松脱有坠落危险的',
          '4工作时',
          '已设置警示，灯杆或灯具已拆除、扶正或更换，隐患消除',
        ],
        ['检修门缺失或电线裸露，存在触电隐患的', '4工作时', '检修门已补齐、线路已包扎防护，无触电隐患'],
        ['同一路段连续3盏及以上路灯不亮的', '1工作日', '已修复，照明恢复正常'],
        ['单盏路灯不亮、白天常亮或明显闪烁的', '2工作日', '已修复，按时正常亮灭'],
        ['灯杆、灯罩破损、锈蚀明显，或杆身张贴小广告的', '3工作日', '已修复、油饰或清理，外观完好'],
        ['亮灯、熄灯时间与规定时间明显不符的', '2工作日', '已调整，按规定时间开关'],
      ],
    },
    {
      code: '20',
      name: '景观灯',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.lighting,
      collection: COLLECT.facility,
      rows: [
        ['灯具、灯带破损、脱落或线路裸露的', '1工作日', '已修复或拆除，线路已防护'],
        ['规定开灯时段内不亮或部分不亮，影响夜景效果的', '3工作日', '已修复，按规定时段正常开启'],
      ],
    },
    {
      code: '21',
      name: '监控电子眼',
      units: ['public_security', 'public_security'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['立杆倾斜，或摄像设备松脱有坠落危险的', '1工作日', '已加固或拆除，隐患消除'],
        ['设备、立杆破损、锈蚀或外观不洁的', '3工作日', '已修复、油饰或清洁'],
      ],
    },
    {
      code: '22',
      name: '邮筒',
      units: ['post', 'post'],
      legalBasis: LAW.postal,
      collection: COLLECT.facility,
      rows: [
        ['邮筒倾倒、破损或投信口堵塞的', '2工作日', '已扶正、修复或疏通，可正常使用'],
        ['邮筒外观不洁、涂画或张贴小广告的', '2工作日', '已清洁，外观整洁'],
      ],
    },
    {
      code: '23',
      name: '报刊亭',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.appearance,
      collection: COLLECT.facility,
      rows: [
        ['亭体破损、倾斜，或顶棚、门窗有脱落危险的', '1工作日', '已修复加固，隐患消除'],
        ['亭外堆放物品或超出亭体范围摆卖的', '1工作日', '已清理，恢复在亭内经营'],
        ['已停止经营且无人管理，亭体陈旧破败的', '15工作日', '已拆除或恢复使用'],
      ],
    },
    {
      code: '24',
      name: '户外健身设施',
      units: ['sports', 'street'],
      legalBasis: LAW.sportsFacilities,
      collection: COLLECT.facility,
      rows: [
        [
          '器材倒地、倾斜、断裂，或有尖锐突出物可能伤人的',
          '1工作日',
          '已停用并设置警示，器材已修复、更换或拆除',
        ],
        ['器材部件缺失、破损或严重锈蚀的', '5工作日', '已修复或更换，器材可安全使用'],
        ['器材下方防护地垫破损、松动或缺失的', '3工作日', '已修复或更换防护地垫'],
      ],
    },
    {
      code: '25',
      name: '汽车充电桩',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facilityWithId,
      rows: [
        ['桩体倾斜、破损，或充电枪线、电缆外露破损的', '1工作日', '已停用并设置警示，修复或更换后恢复正常'],
        ['显示屏、标识破损，或停用未作标识的', '3工作日', '已修复，停用的已设置明显标识'],
      ],
    },
    {
      code: '26',
      name: '电动自行车充电设施',
      units: ['fire', 'property'],
      legalBasis: LAW.eBikes,
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '充电设施线路裸露，或出现冒烟、焦味、打火等异常的',
          '2紧急工作时',
          '已断电停用，修复或更换后恢复正常',
        ],
        ['充电口、外壳损坏，无法使用的', '3工作日', '已修复或更换，可正常使用'],
      ],
    },
    {
      code: '27',
      name: '公共信息屏',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['屏体黑屏、花屏，或显示内容错误、过期的', '2工作日', '已修复或更正，显示正常'],
        ['屏体、立柱破损、倾斜或外观不洁的', '3工作日', '已修复、扶正或清洁'],
      ],
    },
    {
      code: '28',
      name: '供水设施（阀门、水表箱）',
      units: ['urban_management', 'water'],
      legalBasis: LAW.waterSupply,
      collection: COLLECT.facility,
      rows: [
        ['阀门、管件漏水，地面持续渗水或冒水的', '4工作时', '已止漏，地面无渗水'],
        ['阀门箱、水表箱破损、缺盖或锈蚀明显的', '3工作日', '已修复或更换，箱体完好'],
      ],
    },
    {
      code: '29',
      name: '燃气调压箱（柜）',
      units: ['urban_management', 'gas'],
      legalBasis: LAW.gas,
      collection: COLLECT.facilityWithId,
      rows: [
        ['调压箱周边闻到明显燃气异味的', '1紧急工作时', '燃气企业已到场检测并处置，确认无泄漏'],
        ['箱体破损、锈蚀，门锁损坏，或安全警示标志缺失的', '3工作日', '已修复，门锁完好，警示标志齐全'],
      ],
    },
    {
      code: '99',
      name: '多功能智慧杆',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.lighting,
      collection: COLLECT.facilityWithId,
      rows: [
        [
          '杆体倾斜，挂载设备松脱有坠落危险，或检修门缺失、线缆裸露的',
          '4工作时',
          '已消除隐患，杆体及挂载设备稳固，检修门完好',
        ],
        ['杆体破损、锈蚀，外观不洁或张贴小广告的', '3工作日', '已修复、油饰或清洁'],
      ],
    },
  ],
};

const ROAD_TRAFFIC: MajorSource = {
  code: '02',
  name: '道路交通',
  minors: [
    {
      code: '01',
      name: '公共停车场',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['出入口道闸、收费设施损坏，影响车辆进出的', '1工作日', '已修复，车辆进出正常'],
        ['场内标志标线缺失、模糊，或地面破损、积水的', '5工作日', '已修复或重新施划，场地平整'],
      ],
    },
    {
      code: '02',
      name: '公交站亭',
      units: ['urban_management', 'transit'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['顶棚、立柱、灯箱倾斜，或构件松脱有坠落危险的', '4工作时', '已设置警示并加固或拆除，隐患消除'],
        ['玻璃、座椅、站牌等附属设施破损、缺失的', '3工作日', '已修复或补齐，设施完好'],
        ['站亭有明显污渍、涂画或张贴小广告的', '1工作日', '已清洁，外观整洁'],
      ],
    },
    {
      code: '03',
      name: '公交站牌',
      units: ['urban_management', 'transit'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['站牌倾斜、倒伏的', '1工作日', '已扶正或重新安装'],
        ['站牌信息缺失、模糊，或与实际运营线路不符的', '3工作日', '已更新，信息准确清晰'],
      ],
    },
    {
      code: '04',
      name: '人行天桥',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.bridges,
      collection: COLLECT.facility,
      rows: [
        ['栏杆缺失、断裂或严重松动，存在坠落危险的', '4工作时', '已设置警示围护并修复，隐患消除'],
        ['桥面铺装破损、踏步松动或防滑条缺失的', '3工作日', '已修复，通行安全'],
        ['桥面、梯道积水、积存垃圾，或有涂画、小广告的', '1工作日', '已清理，桥面整洁'],
      ],
    },
    {
      code: '05',
      name: '地下通道',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.roads,
      collection: COLLECT.facility,
      rows: [
        ['照明设施不亮，或通道内积水影响通行的', '1工作日', '照明已恢复，积水已排除'],
        ['墙面、地面破损，扶手松动、缺失的', '5工作日', '已修复，设施完好'],
        ['通道内垃圾堆积、有明显异味或涂画的', '1工作日', '已清理，通道整洁'],
      ],
    },
    {
      code: '06',
      name: '城市桥梁',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.bridges,
      collection: COLLECT.facility,
      rows: [
        ['桥梁栏杆缺失、断裂，存在坠落危险的', '4工作时', '已设置警示围护并修复，隐患消除'],
        ['桥面铺装破损，伸缩缝异响、错台或破损的', '5工作日', '已修复，桥面平顺'],
        ['桥体、栏杆有明显污渍、涂画或小广告的', '3工作日', '已清洗，外观整洁'],
      ],
    },
    {
      code: '07',
      name: '交通信号灯',
      units: ['traffic', 'traffic'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [
        ['信号灯熄灭、错乱或倒计时显示错误，导致路口通行混乱的', '2紧急工作时', '已修复，信号灯运行正常'],
        ['灯杆、灯头倾斜、松动，或被树枝、广告等遮挡的', '1工作日', '已扶正、紧固或清除遮挡'],
        ['行人过街按钮、提示音响等设施损坏的', '3工作日', '已修复，可正常使用'],
      ],
    },
    {
      code: '08',
      name: '交通标志牌',
      units: ['traffic', 'traffic'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [
        ['标志牌倒伏、倾斜，或有坠落危险的', '1工作日', '已扶正、加固或临时拆除，隐患消除'],
        ['牌面破损、褪色、被遮挡，无法辨认的', '5工作日', '已修复、更换或清除遮挡，牌面清晰'],
      ],
    },
    {
      code: '09',
      name: '交通标线',
      units: ['traffic', 'traffic'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [
        ['标线磨损、褪色，夜间或雨天难以辨认的', '10工作日', '已重新施划，标线清晰完整'],
        ['施工后标线未恢复，或标线与实际通行方向不符的', '3工作日', '已按规范施划，与通行组织一致'],
      ],
    },
    {
      code: '10',
      name: '交通护栏',
      units: ['traffic', 'municipal'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [
        ['护栏倒伏、断裂或侵入车行道，影响通行安全的', '4工作时', '已扶正、修复或临时移除，通行安全'],
        ['护栏移位、缺失、排列明显不齐或锈蚀明显的', '2工作日', '已修复或更换，排列整齐'],
        ['护栏有明显污渍、小广告或悬挂杂物的', '2工作日', '已清理，护栏整洁'],
      ],
    },
    {
      code: '11',
      name: '隔离墩（防撞桶）',
      units: ['traffic', 'municipal'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [['隔离墩、防撞桶移位、缺失或破损，失去隔离警示作用的', '2工作日', '已复位、补齐或更换']],
    },
    {
      code: '12',
      name: '路名牌',
      units: ['civil_affairs', 'municipal'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['路名牌倾倒、倾斜或折断的', '3工作日', '已扶正或更换，安装牢固'],
        ['牌面破损、缺失、字迹模糊或信息错误的', '5工作日', '已修复或更换，信息准确清晰'],
      ],
    },
    {
      code: '13',
      name: '公共自行车服务点',
      units: ['urban_management', 'transit'],
      legalBasis: '',
      collection: COLLECT.facilityWithId,
      rows: [
        ['锁止器、车桩损坏，或服务亭破损的', '3工作日', '已修复，借还车正常'],
        ['站点内车辆倒伏、摆放凌乱或堆放杂物的', '1工作日', '已整理，站点整洁有序'],
      ],
    },
    {
      code: '14',
      name: '非机动车停放点',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['停放架破损、缺失，或停放区标线模糊的', '3工作日', '已修复或重新施划'],
        ['停放区被占用或堆放杂物的', '1工作日', '已清理，恢复停放功能'],
      ],
    },
    {
      code: '15',
      name: '道路反光镜',
      units: ['traffic', 'traffic'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [['镜面破损、缺失或角度偏移，失去警示作用的', '3工作日', '已修复、更换或调整角度']],
    },
    {
      code: '16',
      name: '减速带',
      units: ['traffic', 'municipal'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [['减速带缺失、断裂、松动或螺钉外露的', '2工作日', '已修复或更换，安装牢固']],
    },
    {
      code: '17',
      name: '盲道',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.roads,
      collection: COLLECT.facility,
      rows: [['盲道砖缺失、破损、松动，或盲道走向中断、被设施阻断的', '5工作日', '已修复，盲道连续通畅']],
    },
    {
      code: '18',
      name: '交通诱导屏',
      units: ['traffic', 'traffic'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['屏体、立杆破损，或有坠落危险的', '1工作日', '已加固或拆除，隐患消除'],
        ['屏体黑屏、花屏或显示错误信息的', '2工作日', '已修复，显示正常'],
      ],
    },
    {
      code: '19',
      name: '治安岗亭',
      units: ['public_security', 'public_security'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['岗亭破损、倾斜或门窗损坏的', '3工作日', '已修复，岗亭完好'],
        ['岗亭外观不洁、涂画或张贴小广告的', '2工作日', '已清洁，外观整洁'],
      ],
    },
    {
      code: '20',
      name: '人行道护柱（阻车桩）',
      units: ['urban_management', 'municipal'],
      legalBasis: LAW.roads,
      collection: COLLECT.facility,
      rows: [['护柱缺失、断裂、松动或倾倒的', '3工作日', '已补齐或修复，安装牢固']],
    },
    {
      code: '21',
      name: '限高架',
      units: ['traffic', 'municipal'],
      legalBasis: LAW.trafficFacilities,
      collection: COLLECT.facility,
      rows: [
        ['限高架被撞变形、倾斜，或横梁下垂有坠落危险的', '4工作时', '已设置警示并拆除或修复，隐患消除'],
        ['限高标志缺失、模糊，或反光警示设施损坏的', '5工作日', '已补齐或更换，标志清晰'],
      ],
    },
    {
      code: '22',
      name: '道路停车泊位',
      units: ['traffic', 'owner'],
      legalBasis: LAW.motorParking,
      collection: COLLECT.facility,
      rows: [
        ['泊位标线模糊、缺失的', '5工作日', '已重新施划，标线清晰'],
        ['泊位指示牌、地磁等设施破损的', '3工作日', '已修复或更换'],
      ],
    },
    {
      code: '99',
      name: '共享单车停放点（电子围栏）',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.bicycleParking,
      collection: COLLECT.facility,
      rows: [
        ['停放点内车辆超量、倒伏或摆放杂乱，影响行人通行的', '1工作日', '运营企业已清运或整理，停放有序'],
        ['停放点标识、标线缺失或模糊的', '5工作日', '已补设或重新施划'],
      ],
    },
  ],
};

const CITY_APPEARANCE: MajorSource = {
  code: '03',
  name: '市容环境',
  minors: [
    {
      code: '01',
      name: '公共厕所',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.publicToilets,
      collection: COLLECT.facility,
      rows: [
        ['便池堵塞、粪便外溢，或厕内异味明显、无人保洁的', '4工作时', '已疏通、保洁，恢复正常使用'],
        ['开放时间内无故关闭的', '4工作时', '已恢复开放'],
        ['洁具、门锁、照明、洗手等配套设施破损或缺失的', '3工作日', '已修复或补齐，设施完好'],
        ['指示牌缺失、破损或指向错误的', '3工作日', '已补设或更正'],
        ['厕所外墙、门头破损，或周边地面不洁的', '2工作日', '已修复、清理，外观整洁'],
      ],
    },
    {
      code: '02',
      name: '果皮箱',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.facility,
      rows: [
        ['果皮箱内垃圾满溢，或周边散落垃圾的', '2工作时', '已清运，周边干净'],
        ['箱体倾倒、倾斜、破损，或箱门无法关闭的', '1工作日', '已扶正、修复或更换'],
        ['箱体有明显污渍、异味的', '1工作日', '已清洗，外观整洁无异味'],
      ],
    },
    {
      code: '03',
      name: '垃圾收集点（垃圾房）',
      units: ['urban_management', 'sanitation'],
      legalBasis: laws(LAW.hangzhouWaste, LAW.zhejiangWaste),
      collection: COLLECT.facility,
      rows: [
        ['垃圾外溢至收集点以外，或有明显异味、污水外流的', '4工作时', '已清运、冲洗，无外溢和污水'],
        ['房体、门窗破损，或分类标识、洗手等设施缺失的', '5工作日', '已修复或补齐'],
      ],
    },
    {
      code: '04',
      name: '垃圾中转站',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouWaste,
      collection: COLLECT.facility,
      rows: [
        ['作业后站内及周边地面不洁，或污水外流的', '4工作时', '已冲洗清理，地面整洁'],
        ['除臭、冲洗设施损坏，或门体、外墙破损的', '5工作日', '已修复，设施正常运行'],
      ],
    },
    {
      code: '05',
      name: '环卫驿站',
      units: ['urban_management', 'sanitation'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['房体破损、门窗损坏或外观不洁的', '3工作日', '已修复或清洁，外观完好']],
    },
    {
      code: '06',
      name: '户外广告设施',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceAdvertising, LAW.hangzhouAppearance),
      collection: COLLECT.facility,
      rows: [
        ['广告设施倾斜、松动或面板脱落，有坠落危险的', '4工作时', '已设置警示区域并加固或拆除，隐患消除'],
        ['画面破损、残缺，或灯光部分不亮的', '3工作日', '已修复或更换画面，灯光正常'],
        ['广告设施空置无画面，或画面褪色陈旧的', '5工作日', '已更换画面或覆盖公益广告'],
      ],
    },
    {
      code: '07',
      name: '店招店牌',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceAdvertising, LAW.hangzhouAppearance),
      collection: COLLECT.facility,
      rows: [
        ['招牌倾斜、松动或部分脱落，有坠落危险的', '4工作时', '已设置警示区域并加固或拆除，隐患消除'],
        ['招牌破损、字体残缺或灯光部分不亮的', '3工作日', '已修复，招牌完整'],
        ['招牌陈旧、污损或张贴小广告的', '3工作日', '已清洗或更换，外观整洁'],
      ],
    },
    {
      code: '08',
      name: '宣传栏',
      units: ['urban_management', 'street'],
      legalBasis: LAW.appearance,
      collection: COLLECT.facility,
      rows: [
        ['宣传栏破损、倾斜或玻璃碎裂的', '2工作日', '已修复或更换，碎玻璃已清理'],
        ['内容过期，或画面破损、褪色的', '3工作日', '已更新内容或更换画面'],
      ],
    },
    {
      code: '09',
      name: '城市雕塑（景观小品）',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['雕塑、小品破损、倾斜，或有尖锐突出物可能伤人的', '3工作日', '已修复、加固或设置防护'],
        ['表面有明显污渍、涂画或张贴小广告的', '2工作日', '已清洗，外观整洁'],
      ],
    },
    {
      code: '10',
      name: '街头座椅',
      units: ['urban_management', 'municipal'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['座椅破损、缺失、松动，或有尖锐突出物的', '3工作日', '已修复或更换，可安全使用']],
    },
    {
      code: '11',
      name: '景观水池（喷泉）',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['水体浑浊发臭，或水面漂浮垃圾的', '1工作日', '已换水或打捞清理，水体洁净'],
        ['池体、喷头损坏漏水，或水下照明线路裸露的', '2工作日', '已修复，线路已防护'],
      ],
    },
    {
      code: '12',
      name: '再生资源回收点',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouWaste,
      collection: COLLECT.facility,
      rows: [
        ['回收物品堆放超出站点范围，或散落周边的', '8工作时', '已清理，物品在站点内规范存放'],
        ['站点设施破损，或标识缺失的', '3工作日', '已修复或补设标识'],
      ],
    },
    {
      code: '13',
      name: '大件垃圾临时堆放点',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouWaste,
      collection: COLLECT.facility,
      rows: [['堆放超出划定范围，或超过3日未清运的', '1工作日', '已清运，堆放点整洁']],
    },
    {
      code: '99',
      name: '垃圾分类收集容器',
      units: ['urban_management', 'sanitation'],
      legalBasis: laws(LAW.hangzhouWaste, LAW.zhejiangWaste),
      collection: COLLECT.facility,
      rows: [
        ['收集容器满溢，或周边散落垃圾的', '2工作时', '已清运，周边干净'],
        [
          '容器破损、缺失，分类标识不清，或与投放类别不符的',
          '3工作日',
          '已修复或补齐，可回收物、有害垃圾、易腐垃圾、其他垃圾标识清晰',
        ],
      ],
    },
  ],
};

const LANDSCAPING: MajorSource = {
  code: '04',
  name: '园林绿化',
  minors: [
    {
      code: '01',
      name: '古树名木',
      units: ['landscaping', 'landscaping'],
      legalBasis: laws(LAW.ancientTrees, LAW.hangzhouGreening),
      collection: COLLECT.greenery,
      rows: [
        [
          '古树名木倒伏、断枝或严重倾斜，危及人身、财产安全的',
          '4工作时',
          '已采取支撑、修剪等抢救保护措施，安全隐患消除',
        ],
        [
          '树体受损，保护围栏、支撑、标牌破损缺失，或树下堆物、硬化的',
          '3工作日',
          '已修复保护设施，清除堆物，树体已养护处理',
        ],
      ],
    },
    {
      code: '02',
      name: '行道树',
      units: ['landscaping', 'landscaping'],
      legalBasis: laws(LAW.greening, LAW.hangzhouGreening),
      collection: COLLECT.greenery,
      rows: [
        [
          '树木倒伏、断枝或严重倾斜，阻碍通行或危及安全的',
          '2紧急工作时',
          '已清除倒伏树木或断枝，恢复通行，隐患消除',
        ],
        ['树枝遮挡交通标志、信号灯或路灯，或树冠下缘过低影响通行的', '5工作日', '已修剪，遮挡消除'],
        ['树穴盖板缺失、破损，或树穴裸土、积存垃圾的', '3工作日', '已补齐盖板或覆盖，树穴整洁'],
        ['行道树缺株、死株的', '30工作日', '已补植；非种植季节无法补植的，已清除死株并在下一种植季节补植'],
        ['病虫害明显，叶片大面积枯黄、虫害蔓延的', '3工作日', '已防治，病虫害得到控制'],
      ],
    },
    {
      code: '03',
      name: '公共绿地',
      units: ['landscaping', 'landscaping'],
      legalBasis: laws(LAW.greening, LAW.hangzhouGreening),
      collection: COLLECT.greenery,
      rows: [
        ['绿地内积存垃圾、杂物，或有明显积水的', '1工作日', '已清理，绿地整洁'],
        ['草坪草高超过15厘米，或杂草明显的', '3工作日', '已修剪、除草'],
        ['绿地被踩踏、毁损，或黄土裸露面积超过5平方米的', '10工作日', '已补植或覆盖，恢复绿化'],
      ],
    },
    {
      code: '04',
      name: '花坛花箱',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.greenery,
      rows: [
        ['花坛、花箱破损、倾倒或移位的', '3工作日', '已修复、扶正或复位'],
        ['花卉枯死、缺失，或花坛内有垃圾的', '3工作日', '已补种、清理，花坛整洁'],
      ],
    },
    {
      code: '05',
      name: '绿地护栏',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.facility,
      rows: [
        ['护栏倾倒、倾斜的', '1工作日', '已扶正或更换'],
        ['护栏破损、缺失或锈蚀明显的', '5工作日', '已修复、补齐或油饰'],
      ],
    },
    {
      code: '06',
      name: '绿篱',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.greenery,
      rows: [
        ['枝叶伸出侵占人行道，或遮挡路口视线的', '3工作日', '已修剪，通行及视线无遮挡'],
        ['绿篱缺株、枯死或遭毁损的', '15工作日', '已补植，绿篱连续完整'],
      ],
    },
    {
      code: '07',
      name: '园林小品（亭廊、花架）',
      units: ['landscaping', 'landscaping'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [
        ['亭廊、花架破损，构件松动或有坠落危险的', '1工作日', '已设置警示并修复，隐患消除'],
        ['表面有明显污渍、涂画或张贴小广告的', '3工作日', '已清洗，外观整洁'],
      ],
    },
    {
      code: '08',
      name: '绿地喷灌设施',
      units: ['landscaping', 'landscaping'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['喷灌设施损坏漏水、喷头缺失，或喷淋至人行道、车行道的', '2工作日', '已修复或调整，喷灌正常']],
    },
    {
      code: '09',
      name: '绿化隔离带',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.greenery,
      rows: [
        ['隔离带内有垃圾、杂物的', '1工作日', '已清理'],
        ['隔离带植物缺株、枯死的', '15工作日', '已补植'],
      ],
    },
    {
      code: '10',
      name: '立体绿化',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.greenery,
      rows: [
        ['桥体、墙面花箱或挂件松动，有坠落危险的', '1工作日', '已加固或拆除，隐患消除'],
        ['植物枯死、缺株的', '10工作日', '已补植'],
      ],
    },
    {
      code: '11',
      name: '街头游园（口袋公园）',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.scene,
      rows: [
        ['园内积存垃圾、杂物的', '1工作日', '已清理，园内整洁'],
        ['园内设施损坏，或地面铺装破损、松动的', '5工作日', '已修复，设施可安全使用'],
      ],
    },
    {
      code: '12',
      name: '园林标识牌',
      units: ['landscaping', 'landscaping'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['标识牌破损、倾斜，或信息错误、模糊的', '5工作日', '已修复或更换，信息准确清晰']],
    },
    {
      code: '99',
      name: '绿道',
      units: ['landscaping', 'landscaping'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [
        ['绿道内积存垃圾、杂物的', '1工作日', '已清理，绿道整洁'],
        ['路面破损、积水，或驿站、标识等设施损坏影响通行的', '5工作日', '已修复，通行顺畅'],
      ],
    },
  ],
};

const BUILDINGS_AND_LAND: MajorSource = {
  code: '05',
  name: '房屋土地',
  minors: [
    {
      code: '01',
      name: '危险房屋',
      units: ['construction', 'owner'],
      legalBasis: LAW.dangerousHouses,
      collection: COLLECT.scene,
      rows: [
        [
          '房屋出现明显倾斜、墙体开裂或构件变形，疑似危险房屋的',
          '1工作日',
          '已由房屋安全管理部门组织查勘，并督促采取相应处置措施',
        ],
        ['已鉴定的危险房屋未设置警示标志，或周边未设置隔离的', '1工作日', '已设置警示标志和隔离设施'],
      ],
    },
    {
      code: '02',
      name: '空置房屋',
      units: ['street', 'owner'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['门窗破损敞开，有人员随意进出或堆积垃圾的', '3工作日', '门窗已封闭，垃圾已清理']],
    },
    {
      code: '03',
      name: '闲置地块',
      units: ['planning', 'street'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [
        ['围挡缺失、破损或倒伏的', '2工作日', '已修复或补设，围挡完整'],
        ['地块内堆积垃圾、渣土，或杂草丛生的', '3工作日', '已清理，地块整洁'],
        ['地块被私自占用种菜、堆物的', '5工作日', '已清除，恢复原状'],
      ],
    },
    {
      code: '04',
      name: '临街围墙',
      units: ['street', 'owner'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [
        ['围墙倾斜、开裂，有倒塌危险的', '4工作时', '已设置警戒区域，围墙已加固或拆除，隐患消除'],
        ['围墙破损、残缺，或墙面明显污损的', '5工作日', '已修补、粉刷，外观整洁'],
      ],
    },
    {
      code: '05',
      name: '工地围挡',
      units: ['construction', 'owner'],
      legalBasis: LAW.appearanceSites,
      collection: COLLECT.site,
      rows: [
        ['围挡倒伏、倾斜，侵占道路或有倒塌危险的', '4工作时', '已扶正加固，隐患消除，道路畅通'],
        ['围挡破损、缺失、污损，或围挡上公益广告残缺的', '2工作日', '已修复、清洗或更换画面'],
      ],
    },
    {
      code: '06',
      name: '地下空间出入口',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['出入口顶盖、护栏破损，或周边堆放杂物的', '3工作日', '已修复，杂物已清理']],
    },
    {
      code: '07',
      name: '待拆房屋及拆后场地',
      units: ['street', 'street'],
      legalBasis: LAW.constructionWaste,
      collection: COLLECT.scene,
      rows: [
        ['待拆房屋门窗敞开、未封闭，存在安全隐患的', '1工作日', '已封闭，并设置警示标志'],
        ['拆除后建筑垃圾未清运、未覆盖的', '3工作日', '已清运或覆盖，场地整洁'],
      ],
    },
    {
      code: '08',
      name: '建筑外挂设施（雨棚、遮阳篷）',
      units: ['street', 'owner'],
      legalBasis: LAW.appearanceBuildings,
      collection: COLLECT.scene,
      rows: [
        ['雨棚、遮阳篷或外挂花架、晾衣架松动，有坠落危险的', '4工作时', '已加固或拆除，隐患消除'],
        ['雨棚、遮阳篷破损、陈旧，影响市容的', '10工作日', '已修复、更换或拆除'],
      ],
    },
  ],
};

const OTHER_FACILITIES: MajorSource = {
  code: '06',
  name: '其他设施',
  minors: [
    {
      code: '01',
      name: '河道护栏',
      units: ['waterway', 'waterway'],
      legalBasis: LAW.rivers,
      collection: COLLECT.water,
      rows: [
        ['护栏缺失、断裂或松动，存在落水危险的', '4工作时', '已设置警示围护并修复，隐患消除'],
        ['护栏锈蚀、污损或油漆剥落明显的', '3工作日', '已修复、油饰或清洗'],
      ],
    },
    {
      code: '02',
      name: '河道驳岸',
      units: ['waterway', 'waterway'],
      legalBasis: LAW.rivers,
      collection: COLLECT.water,
      rows: [
        ['驳岸坍塌、沉陷或出现明显裂缝的', '1工作日', '已设置警示，并修复或采取加固措施'],
        ['驳岸石材松动、缺失的', '10工作日', '已修复，驳岸完整'],
      ],
    },
    {
      code: '03',
      name: '河埠头（亲水平台）',
      units: ['waterway', 'waterway'],
      legalBasis: LAW.rivers,
      collection: COLLECT.water,
      rows: [['踏步、平台破损，或青苔湿滑明显、存在落水隐患的', '5工作日', '已修复或清理，设置警示']],
    },
    {
      code: '04',
      name: '防汛设施',
      units: ['waterway', 'waterway'],
      legalBasis: LAW.rivers,
      collection: COLLECT.water,
      rows: [['防汛墙、闸门、排涝泵站等设施破损、渗漏或无法启闭的', '1工作日', '已修复，设施正常运行']],
    },
    {
      code: '05',
      name: '救生设施',
      units: ['waterway', 'waterway'],
      legalBasis: '',
      collection: COLLECT.water,
      rows: [['救生圈、救生绳缺失，或救生设施箱损坏的', '1工作日', '已补齐或修复，救生器材齐全']],
    },
    {
      code: '06',
      name: '应急避难场所标识',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['标识牌缺失、破损，或信息错误的', '3工作日', '已补设、修复或更正']],
    },
    {
      code: '07',
      name: '文物保护标志',
      units: ['street', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['文物保护标志、说明牌破损、缺失或被遮挡的', '5工作日', '已修复、补设或清除遮挡']],
    },
    {
      code: '08',
      name: '旅游指示牌',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['指示牌破损、倾斜，或信息错误、模糊的', '3工作日', '已修复或更换，信息准确清晰']],
    },
    {
      code: '09',
      name: '自动售货机',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['机体破损、倾斜，外观不洁或周边堆放包装物的', '3工作日', '已修复、清洁或撤除']],
    },
    {
      code: '10',
      name: '公共除颤仪（AED）',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['设备箱破损，设备缺失或无法正常使用的', '1工作日', '已修复或补齐，设备可正常使用']],
    },
    {
      code: '99',
      name: '智能快递柜',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.facility,
      rows: [['柜体破损，外观不洁，或周边堆放包装物的', '3工作日', '已修复、清洁，包装物已清理']],
    },
  ],
};

export const COMPONENT_MAJORS: readonly MajorSource[] = [
  PUBLIC_UTILITIES,
  ROAD_TRAFFIC,
  CITY_APPEARANCE,
  LANDSCAPING,
  BUILDINGS_AND_LAND,
  OTHER_FACILITIES,
];
