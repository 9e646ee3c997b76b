import { COLLECT, LAW, laws } from './shared-texts.js';
import type { MajorSource } from './source-types.js';

/**
 * 事件 (events) of the default dataset for 杭州市上城区, in the six classes of the domain reference: 市容环境,
 * 宣传广告, 施工管理, 突发事件, 街面秩序, 其他事件 (numbered 01–06 in that order; a tenant that lists 街面秩序
 * before 突发事件 changes its display order, not the codes). "99 其他" closes a class; Hangzhou's own minors
 * (垃圾分类, 共享单车, 飞线充电) are local extensions numbered down from 98.
 */

const CITY_APPEARANCE: MajorSource = {
  code: '01',
  name: '市容环境',
  minors: [
    {
      code: '01',
      name: '私搭乱建',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.planning, LAW.appearanceStacking),
      collection: '照片不少于3张，反映搭建物全貌、搭建位置及与周边建筑的关系；正在施工的注明施工状态。',
      rows: [
        ['正在搭建、扩建的违法建筑物、构筑物或其他设施', '4紧急工作时', '已制止，施工停止，并按程序移交查处'],
        ['已建成的违法建筑物、构筑物或其他设施', '15工作日', '已依法拆除，或已按法定程序立案查处'],
      ],
    },
    {
      code: '02',
      name: '暴露垃圾',
      units: ['urban_management', 'sanitation'],
      legalBasis: laws(LAW.hangzhouAppearance, LAW.hangzhouWaste),
      collection: COLLECT.scene,
      rows: [
        ['公共场所未投入收集容器的生活垃圾，面积0.5平方米以上或成堆的', '4工作时', '已清理，地面干净'],
        ['收集容器周边散落垃圾，或打包垃圾未投入容器的', '2工作时', '已清理，垃圾已投入容器'],
      ],
    },
    {
      code: '03',
      name: '积存垃圾渣土',
      units: ['urban_management', 'sanitation'],
      legalBasis: laws(LAW.hangzhouAppearance, LAW.constructionWaste),
      collection: COLLECT.scene,
      rows: [['道路、空地、背街小巷等处积存垃圾、渣土，体积1立方米以上的', '1工作日', '已清运，现场无残留']],
    },
    {
      code: '04',
      name: '道路不洁',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [
        ['路面有果皮、纸屑、烟蒂等散落垃圾，或有明显油污、积灰、泥浆的', '2工作时', '已清扫、冲洗，路面整洁'],
        ['道路两侧、绿化带内白色垃圾明显的', '1工作日', '已清理'],
        ['人行道、广场地面口香糖残渣、污渍成片，面积1平方米以上的', '3工作日', '已清洗，地面洁净'],
      ],
    },
    {
      code: '05',
      name: '水域不洁',
      units: ['waterway', 'waterway'],
      legalBasis: LAW.rivers,
      collection: COLLECT.water,
      rows: [
        ['水面漂浮垃圾、油污或水生植物残体，面积1平方米以上的', '1工作日', '已打捞清理，水面洁净'],
        ['河道岸坡、埠头堆积垃圾、杂物的', '1工作日', '已清理，岸坡整洁'],
        ['水体发黑发臭，或出现成片死鱼的', '1工作日', '已查找原因并处置，死鱼及漂浮物已清理'],
      ],
    },
    {
      code: '06',
      name: '绿地脏乱',
      units: ['landscaping', 'landscaping'],
      legalBasis: LAW.hangzhouGreening,
      collection: COLLECT.scene,
      rows: [
        ['绿地内有垃圾、杂物的', '1工作日', '已清理，绿地整洁'],
        ['绿地内堆放建筑材料、杂物，或被占用停车的', '3工作日', '已清除，绿地恢复原状'],
      ],
    },
    {
      code: '07',
      name: '废弃车辆',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.vehicle,
      rows: [
        [
          '长期停放在公共场所，车身破损、积尘严重或无号牌，明显无人使用的机动车',
          '15工作日',
          '已由车主移走，或经公告后依法清拖',
        ],
        ['废弃自行车、电动自行车堆积，或长期占用公共空间的', '3工作日', '已清理'],
      ],
    },
    {
      code: '08',
      name: '废弃家具设施',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouWaste,
      collection: COLLECT.scene,
      rows: [
        ['公共场所随意弃置家具、家电、床垫等大件垃圾的', '1工作日', '已清运至大件垃圾堆放点或处置场所'],
        ['装修垃圾未投放至指定点位，随意堆放在公共场所的', '1工作日', '已清运，现场整洁'],
      ],
    },
    {
      code: '09',
      name: '非装饰性树挂',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [['树木上悬挂、缠绕塑料袋、布条、绳索等杂物的', '1工作日', '已清除']],
    },
    {
      code: '10',
      name: '道路破损',
      units: ['urban_management', 'municipal'],
      legalBasis: laws(LAW.roads, LAW.trafficFacilities),
      collection: '近景、远景照片各1张，近景放置参照物反映破损面积和深度，远景反映所在道路及车道。',
      rows: [
        [
          '路面出现深坑、明显凹陷或隆起，存在车辆、行人安全隐患的',
          '4工作时',
          '已设置警示并临时修补，隐患消除',
        ],
        ['车行道坑槽、裂缝、松散，面积超过0.5平方米的', '3工作日', '已修补，路面平整'],
        ['人行道板缺失、松动、破碎，面积超过1平方米或连续5块以上的', '5工作日', '已修复，铺装平整稳固'],
        ['道路侧石、平石缺失、破损或松动的', '3工作日', '已修复或更换，安装稳固'],
      ],
    },
    {
      code: '11',
      name: '道路遗撒',
      units: ['urban_management', 'sanitation'],
      legalBasis: laws(LAW.appearanceTransport, LAW.looseCargo),
      collection: COLLECT.scene,
      rows: [['车辆运输途中遗撒渣土、泥浆、砂石等，影响市容或通行的', '4工作时', '已清理，路面恢复整洁']],
    },
    {
      code: '12',
      name: '建筑物外立面不洁',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceBuildings, LAW.hangzhouAppearance),
      collection: COLLECT.scene,
      rows: [
        ['临街建筑外立面明显污损、乱涂乱画，或悬挂杂物影响市容的', '5工作日', '已清洗、粉刷或清除'],
        ['临街建筑外墙面、门窗、雨棚破损残缺，影响市容的', '10工作日', '已修复，外立面完整'],
      ],
    },
    {
      code: '13',
      name: '焚烧树叶垃圾',
      units: ['urban_management', 'urban_management'],
      legalBasis: LAW.openBurning,
      collection: COLLECT.urgent,
      rows: [
        ['露天焚烧树叶、垃圾或其他产生烟尘污染的物质的', '2紧急工作时', '已制止，明火已熄灭，现场已清理'],
      ],
    },
    {
      code: '14',
      name: '餐饮油烟污染',
      units: ['ecology', 'urban_management'],
      legalBasis: LAW.cookingFumes,
      collection: '照片或视频不少于2张（段），反映排烟口位置、油烟排放状况及店铺名称。',
      rows: [
        [
          '餐饮单位未安装油烟净化设施或不正常使用，油烟直排影响周边的',
          '3工作日',
          '已安装或恢复使用油烟净化设施，无直排',
        ],
        ['油烟净化设施、排烟管道油污明显，未定期清洗的', '5工作日', '已清洗，并留存清洗记录'],
      ],
    },
    {
      code: '15',
      name: '动物尸体',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.animalEpidemic,
      collection: COLLECT.scene,
      rows: [['道路、绿地、水域等公共场所有动物尸体的', '2工作时', '已清理并消毒']],
    },
    {
      code: '16',
      name: '饲养家禽家畜',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [['在城区饲养鸡、鸭、鹅等家禽或家畜，影响市容和环境卫生的', '5工作日', '已停止饲养，现场已清理']],
    },
    {
      code: '17',
      name: '乱倒污水',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.hangzhouAppearance, LAW.drainage),
      collection: COLLECT.behaviour,
      rows: [
        ['向道路、雨水口、绿地倾倒污水、泔水或垃圾的', '2工作时', '已制止，现场已清理'],
        ['沿街餐饮单位未设置隔油设施，或污水排入雨水管网的', '5工作日', '已设置隔油设施，污水接入污水管网'],
      ],
    },
    {
      code: '98',
      name: '垃圾分类投放不规范',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.hangzhouWaste, LAW.zhejiangWaste),
      collection: '照片不少于2张，反映投放点位置、容器类别和混投、错投情况。',
      rows: [
        [
          '生活垃圾未按可回收物、有害垃圾、易腐垃圾、其他垃圾分类投放，混投、错投明显的',
          '1工作日',
          '已分拣整改，投放点分类规范',
        ],
        ['大件垃圾、装修垃圾混入生活垃圾投放点的', '2工作日', '已清运至指定点位'],
      ],
    },
    {
      code: '99',
      name: '其他',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['其他影响市容环境卫生、不属于本大类各小类的问题', '3工作日', '问题已处置，市容环境恢复正常']],
    },
  ],
};

const ADVERTISING: MajorSource = {
  code: '02',
  name: '宣传广告',
  minors: [
    {
      code: '01',
      name: '非法小广告',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearancePosting, LAW.hangzhouAppearance),
      collection:
        '照片不少于1张，能辨认广告内容（含联系电话）及所在设施或墙面；同一设施上的多张小广告按一件采集。',
      rows: [
        [
          '在建筑物、公共设施、树木等处张贴、悬挂、手写的小广告，单处面积0.05平方米以上或同一处3张以上的',
          '1工作日',
          '已清除，无残留痕迹',
        ],
        ['在路面、人行道上喷涂、刷写的小广告', '2工作日', '已清除，无残留痕迹'],
      ],
    },
    {
      code: '02',
      name: '违规户外广告',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceAdvertising, LAW.advertising, LAW.hangzhouAppearance),
      collection: COLLECT.facility,
      rows: [
        [
          '未经审批或超过批准期限设置的灯箱、霓虹灯、电子显示屏、展示牌等户外广告设施',
          '5工作日',
          '已拆除，或已依法补办审批手续',
        ],
        ['利用交通安全设施、交通标志，或在禁设区域设置户外广告的', '3工作日', '已拆除'],
      ],
    },
    {
      code: '03',
      name: '违规招牌',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceAdvertising, LAW.hangzhouAppearance),
      collection: COLLECT.facility,
      rows: [
        ['一店多招，或招牌超出建筑立面、遮挡门窗、占用人行道设置的', '5工作日', '已按规范整改或拆除'],
        ['未经许可在建筑物屋顶、楼体设置大型字牌、招牌的', '10工作日', '已拆除，或已依法办理审批'],
      ],
    },
    {
      code: '04',
      name: '占道广告牌',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.roadProhibitions, LAW.hangzhouAppearance),
      collection: COLLECT.behaviour,
      rows: [
        ['在道路、人行道、广场等公共场所摆放落地广告牌、展架、易拉宝等的', '2工作时', '已收回，通道畅通'],
      ],
    },
    {
      code: '05',
      name: '街头散发广告',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.behaviour,
      rows: [
        ['在道路、广场等公共场所散发商业广告宣传品，影响市容的', '2工作时', '已制止，散落的宣传品已清理'],
      ],
    },
    {
      code: '06',
      name: '违规悬挂横幅',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearancePosting, LAW.hangzhouAppearance),
      collection: COLLECT.scene,
      rows: [['未经批准悬挂横幅、条幅、彩旗，或批准期满未拆除、破损褪色的', '1工作日', '已拆除']],
    },
    {
      code: '07',
      name: '流动广告',
      units: ['urban_management', 'urban_management'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.behaviour,
      rows: [
        [
          '利用车辆、三轮车或人员举牌在道路上流动展示广告，或停放广告车辆招揽的',
          '2工作时',
          '已制止，车辆或人员已离开',
        ],
      ],
    },
    {
      code: '08',
      name: '电子显示屏扰民',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.hangzhouAppearance,
      collection: '夜间拍摄照片或视频，反映显示屏亮度、播放状态及与周边住宅的位置关系。',
      rows: [
        ['户外电子显示屏亮度过高、频闪，或夜间22时后仍播放影响居民休息的', '3工作日', '已调整亮度或按时关闭'],
      ],
    },
    {
      code: '09',
      name: '乱涂乱画',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearancePosting, LAW.hangzhouAppearance),
      collection: COLLECT.scene,
      rows: [['在建筑物、构筑物、公共设施上涂写、刻画，面积1平方米以上的', '3工作日', '已清除或粉刷覆盖']],
    },
    {
      code: '99',
      name: '其他',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['其他违规宣传、广告问题', '3工作日', '问题已处置，恢复原状']],
    },
  ],
};

const CONSTRUCTION: MajorSource = {
  code: '03',
  name: '施工管理',
  minors: [
    {
      code: '01',
      name: '施工扰民',
      units: ['ecology', 'urban_management'],
      legalBasis: LAW.noise,
      collection: '照片或视频反映施工作业状态，注明发现时间和工地名称；夜间施工须注明时间。',
      rows: [
        [
          '在居民区等噪声敏感建筑物集中区域，夜间22时至次日6时未经许可进行产生噪声的施工作业的',
          '2紧急工作时',
          '已制止，夜间施工停止',
        ],
        ['日间施工噪声明显扰民，周边居民反映强烈的', '1工作日', '已督促采取降噪措施或调整作业时间'],
      ],
    },
    {
      code: '02',
      name: '工地扬尘',
      units: ['construction', 'owner'],
      legalBasis: laws(LAW.siteDust, LAW.appearanceSites),
      collection: COLLECT.site,
      rows: [
        ['施工现场未采取覆盖、洒水、冲洗等防尘措施，造成明显扬尘的', '2工作时', '已采取防尘措施，扬尘消除'],
        ['工地出入口未设置或未使用车辆冲洗设施，车辆带泥上路的', '4工作时', '冲洗设施已正常使用，路面已清理'],
        ['土方、渣土、砂石等易扬尘物料未覆盖的', '1工作日', '已覆盖到位'],
      ],
    },
    {
      code: '03',
      name: '施工废弃料',
      units: ['construction', 'owner'],
      legalBasis: laws(LAW.appearanceSites, LAW.constructionWaste),
      collection: COLLECT.site,
      rows: [
        ['施工后遗留渣土、建筑废料未及时清运，或堆放在施工范围以外的', '1工作日', '已清运，现场整洁'],
        ['施工围挡外有泥浆、污水外溢的', '1工作日', '已封堵，外溢泥浆、污水已清理'],
      ],
    },
    {
      code: '04',
      name: '施工占道',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.roadOccupation, LAW.trafficOccupation),
      collection: COLLECT.site,
      rows: [
        [
          '施工未经审批擅自占用道路，或超出批准范围、期限占道的',
          '1工作日',
          '已制止，占道物已清除，道路恢复畅通',
        ],
        ['占道施工结束后未及时清理现场、恢复道路原状的', '2工作日', '已清理，道路恢复原状'],
      ],
    },
    {
      code: '05',
      name: '擅自挖掘道路',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.roadExcavation,
      collection: COLLECT.site,
      rows: [
        ['未经批准擅自挖掘城市道路的', '4工作时', '已制止，并责令恢复、移交查处'],
        ['挖掘道路完工后未按规定恢复路面的', '5工作日', '路面已恢复，与原路面平顺衔接'],
      ],
    },
    {
      code: '06',
      name: '施工安全防护缺失',
      units: ['construction', 'owner'],
      legalBasis: laws(LAW.appearanceSites, LAW.roads),
      collection: COLLECT.site,
      rows: [
        ['施工现场未设置围挡，或沟槽、基坑周边未设置防护及警示设施的', '4工作时', '已设置围挡和警示设施'],
        ['占道施工夜间未设置警示灯或照明的', '1工作日', '已设置警示灯和照明'],
      ],
    },
    {
      code: '07',
      name: '渣土车违规运输',
      units: ['urban_management', 'owner'],
      legalBasis: laws(LAW.appearanceTransport, LAW.looseCargo, LAW.constructionWaste),
      collection: COLLECT.vehicle,
      rows: [
        ['渣土运输车辆未密闭、超载冒顶或沿途抛洒的', '2工作时', '已制止，路面已清理'],
        ['渣土车辆无处置证运输，或未按核准路线、时间行驶的', '1工作日', '已依法查处'],
      ],
    },
    {
      code: '08',
      name: '施工现场不洁',
      units: ['construction', 'owner'],
      legalBasis: LAW.appearanceSites,
      collection: COLLECT.site,
      rows: [['施工现场材料、机具堆放杂乱，或停工场地未整理、未覆盖的', '3工作日', '已整理、覆盖，现场整洁']],
    },
    {
      code: '09',
      name: '现场违规搅拌',
      units: ['construction', 'owner'],
      legalBasis: LAW.siteDust,
      collection: COLLECT.site,
      rows: [['在禁止区域内现场搅拌混凝土、砂浆的', '1工作日', '已停止搅拌，现场已清理']],
    },
    {
      code: '99',
      name: '其他',
      units: ['construction', 'owner'],
      legalBasis: '',
      collection: COLLECT.site,
      rows: [['其他施工管理问题', '3工作日', '问题已处置，施工现场符合管理要求']],
    },
  ],
};

const EMERGENCIES: MajorSource = {
  code: '04',
  name: '突发事件',
  minors: [
    {
      code: '01',
      name: '路面塌陷',
      units: ['urban_management', 'municipal'],
      legalBasis: laws(LAW.roads, LAW.trafficFacilities),
      collection: COLLECT.urgent,
      rows: [['路面塌陷、下沉，影响通行安全的', '2紧急工作时', '已设置围护和警示标志，安全隐患消除']],
    },
    {
      code: '02',
      name: '供水管道破裂',
      units: ['urban_management', 'water'],
      legalBasis: LAW.waterSupply,
      collection: COLLECT.urgent,
      rows: [['供水管道破裂，造成冒水、路面溢水的', '1紧急工作时', '已关阀止水，安全隐患消除']],
    },
    {
      code: '03',
      name: '燃气泄漏',
      units: ['urban_management', 'gas'],
      legalBasis: LAW.gas,
      collection: '立即电话报告燃气企业和监督中心；不在现场使用手机拍照，撤离至安全距离后再补拍照片。',
      rows: [['燃气管道破损，或公共场所闻到明显燃气异味的', '1紧急工作时', '燃气企业已到场处置，泄漏已控制']],
    },
    {
      code: '04',
      name: '下水道堵塞',
      units: ['urban_management', 'drainage'],
      legalBasis: LAW.drainage,
      collection: COLLECT.scene,
      rows: [
        ['排水管道、检查井堵塞，污水外溢至路面的', '2紧急工作时', '已疏通，污水不再外溢，现场已清理'],
        ['雨水口、排水管道排水不畅，雨后积水长时间不退的', '1工作日', '已疏通，排水通畅'],
      ],
    },
    {
      code: '05',
      name: '道路积水',
      units: ['urban_management', 'drainage'],
      legalBasis: LAW.drainage,
      collection: COLLECT.urgent,
      rows: [
        [
          '道路积水面积大于100平方米且深度超过15厘米，影响通行或安全的',
          '2紧急工作时',
          '已排除积水，恢复通行',
        ],
        ['下穿通道、立交桥下积水影响车辆通行的', '1紧急工作时', '已设置警示或封闭交通，积水已排除'],
      ],
    },
    {
      code: '06',
      name: '道路积雪结冰',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [
        [
          '主要道路、桥梁、人行天桥积雪结冰，影响通行安全的',
          '4紧急工作时',
          '已清除积雪或撒布融雪材料，通行安全',
        ],
        ['人行道、背街小巷积雪影响通行的', '1工作日', '已清扫，通行正常'],
      ],
    },
    {
      code: '07',
      name: '架空线缆损坏',
      units: ['urban_management', 'power'],
      legalBasis: LAW.power,
      collection: COLLECT.urgent,
      rows: [
        ['架空线缆断落，或垂落至人员、车辆可触及高度的', '2紧急工作时', '已断电或固定，隐患消除'],
        ['架空线缆下垂、松散、缠绕杂乱，但不影响通行的', '3工作日', '已整理、绑扎规范'],
      ],
    },
    {
      code: '08',
      name: '人员聚集',
      units: ['public_security', 'street'],
      legalBasis: '',
      collection: COLLECT.urgent,
      rows: [
        ['公共场所人员聚集较多，可能影响公共秩序或安全的', '1紧急工作时', '相关部门已到场处置，秩序恢复'],
      ],
    },
    {
      code: '09',
      name: '高空坠物隐患',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.fallingObjects,
      collection: COLLECT.urgent,
      rows: [
        [
          '建筑物外墙饰面、门窗玻璃、外挂物等有坠落危险，危及行人安全的',
          '2紧急工作时',
          '已设置警戒区域，坠落隐患已排除',
        ],
      ],
    },
    {
      code: '10',
      name: '交通事故遗留物',
      units: ['urban_management', 'sanitation'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [['交通事故处理后路面遗留油污、碎片等未清理的', '2工作时', '已清理，路面整洁']],
    },
    {
      code: '99',
      name: '其他',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.urgent,
      rows: [['其他危及公共安全、需要紧急处置的问题', '2紧急工作时', '已处置，安全隐患消除']],
    },
  ],
};

const STREET_ORDER: MajorSource = {
  code: '05',
  name: '街面秩序',
  minors: [
    {
      code: '01',
      name: '无照经营游商',
      units: ['urban_management', 'urban_management'],
      legalBasis: laws(LAW.unlicensed, LAW.hangzhouAppearance),
      collection: COLLECT.behaviour,
      rows: [['在道路、广场、桥梁等公共场所流动设摊经营的', '2紧急工作时', '已劝离或依法查处，现场无摊贩']],
    },
    {
      code: '02',
      name: '占道经营',
      units: ['urban_management', 'urban_management'],
      legalBasis: laws(LAW.roadProhibitions, LAW.hangzhouAppearance),
      collection: COLLECT.behaviour,
      rows: [
        [
          '擅自占用道路、广场、人行道等公共场所设摊经营的',
          '2紧急工作时',
          '已取缔或引导至许可区域，现场已清理',
        ],
        ['在批准的临时摊点范围外经营，或超过批准时段经营的', '1工作日', '已规范至批准范围和时段'],
      ],
    },
    {
      code: '03',
      name: '店外经营',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.behaviour,
      rows: [['沿街店铺超出门窗、外墙摆放商品或设施经营、作业的', '2工作时', '已收回店内，门前通道畅通']],
    },
    {
      code: '04',
      name: '流浪乞讨',
      units: ['civil_affairs', 'civil_affairs'],
      legalBasis: LAW.begging,
      collection: '照片反映所在位置即可，不拍摄人员正面；注明是否有老人、未成年人或疑似病患。',
      rows: [
        ['在公共场所流浪乞讨，或露宿街头的', '4工作时', '救助人员已到场劝导，愿意受助的已护送至救助机构'],
      ],
    },
    {
      code: '05',
      name: '占道废品收购',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearanceStacking, LAW.hangzhouWaste),
      collection: COLLECT.behaviour,
      rows: [['在道路、人行道等公共场所设点收购废品，或废品堆放占道的', '1工作日', '已清理，恢复通行']],
    },
    {
      code: '06',
      name: '机动车乱停放',
      units: ['traffic', 'traffic'],
      legalBasis: LAW.motorParking,
      collection: COLLECT.vehicle,
      rows: [
        ['机动车停放在人行道（施划泊位除外）、绿地或路口，影响通行的', '2工作时', '车辆已驶离或已依法处理'],
        ['机动车占用消防车通道、盲道或无障碍通道的', '2工作时', '车辆已驶离或已依法处理，通道畅通'],
      ],
    },
    {
      code: '07',
      name: '非机动车乱停放',
      units: ['urban_management', 'street'],
      legalBasis: LAW.bicycleParking,
      collection: COLLECT.vehicle,
      rows: [
        ['非机动车未在规定地点停放或停放无序，影响行人、车辆通行的', '2工作时', '已整理或清移，停放有序'],
      ],
    },
    {
      code: '08',
      name: '乱堆物料',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearanceStacking, LAW.hangzhouAppearance),
      collection: COLLECT.scene,
      rows: [
        [
          '未经许可在道路、广场等公共场所堆放物料，或堆放不整齐影响市容、通行的',
          '1工作日',
          '已清除或规范堆放',
        ],
        ['在门前人行道上堆放杂物超过3日的', '2工作日', '已清理，人行道畅通'],
      ],
    },
    {
      code: '09',
      name: '商业噪音',
      units: ['urban_management', 'urban_management'],
      legalBasis: LAW.noise,
      collection: '视频或照片反映发声设备及店铺名称，注明发现时间。',
      rows: [['商业经营中使用高音喇叭、音响等招揽顾客，噪声干扰周边的', '2工作时', '已制止，噪声消除']],
    },
    {
      code: '10',
      name: '非法营运拉客',
      units: ['traffic', 'traffic'],
      legalBasis: '',
      collection: COLLECT.vehicle,
      rows: [['车辆在车站、景区、医院周边招揽乘客非法营运的', '2工作时', '已劝离或依法查处']],
    },
    {
      code: '11',
      name: '露天烧烤',
      units: ['urban_management', 'urban_management'],
      legalBasis: LAW.cookingFumes,
      collection: COLLECT.behaviour,
      rows: [
        [
          '在禁止区域内露天烧烤食品，或为露天烧烤提供场地的',
          '2紧急工作时',
          '已制止，烧烤设施已收回，现场已清理',
        ],
      ],
    },
    {
      code: '12',
      name: '沿街晾挂',
      units: ['urban_management', 'street'],
      legalBasis: laws(LAW.appearanceBuildings, LAW.hangzhouAppearance),
      collection: COLLECT.scene,
      rows: [
        [
          '在临街建筑阳台外、窗外，或沿街树木、护栏、电杆上晾晒、吊挂衣物等物品的',
          '1工作日',
          '已收回，市容整洁',
        ],
      ],
    },
    {
      code: '13',
      name: '兜售非法出版物',
      units: ['urban_management', 'urban_management'],
      legalBasis: '',
      collection: COLLECT.behaviour,
      rows: [['在公共场所兜售非法出版物、音像制品的', '2工作时', '已制止，物品已依法处理']],
    },
    {
      code: '14',
      name: '空调室外机低挂',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.scene,
      rows: [
        ['临街空调室外机安装高度低于2米，或冷凝水直接滴落人行道的', '5工作日', '已移位安装或加装接水装置'],
        ['空调室外机支架锈蚀、松动，有坠落危险的', '4工作时', '已加固或拆除，隐患消除'],
      ],
    },
    {
      code: '15',
      name: '违规撑伞设棚',
      units: ['urban_management', 'street'],
      legalBasis: LAW.hangzhouAppearance,
      collection: COLLECT.behaviour,
      rows: [['在道路、人行道上违规设置遮阳伞、帐篷经营或开展活动的', '2工作时', '已收回，通道畅通']],
    },
    {
      code: '16',
      name: '私设地锁隔离桩',
      units: ['urban_management', 'street'],
      legalBasis: LAW.roadProhibitions,
      collection: COLLECT.scene,
      rows: [['在人行道、公共停车区域私设地锁、隔离桩、台阶、坡道等的', '5工作日', '已拆除，恢复原状']],
    },
    {
      code: '97',
      name: '电动自行车违规充电',
      units: ['fire', 'property'],
      legalBasis: LAW.eBikes,
      collection: COLLECT.scene,
      rows: [
        [
          '电动自行车在楼道、门厅、安全出口等处停放充电，或私拉电线“飞线”充电的',
          '4工作时',
          '飞线已拆除，车辆已移至规定区域',
        ],
      ],
    },
    {
      code: '98',
      name: '共享单车乱停放',
      units: ['urban_management', 'owner'],
      legalBasis: LAW.bicycleParking,
      collection: '照片反映车辆数量、所属企业标识及占用范围。',
      rows: [
        [
          '互联网租赁自行车在停放区域外停放、倒伏或堆积，影响通行的',
          '2工作时',
          '运营企业已清理，车辆规范停放',
        ],
      ],
    },
    {
      code: '99',
      name: '其他',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['其他影响街面秩序、不属于本大类各小类的问题', '3工作日', '问题已处置，街面秩序恢复正常']],
    },
  ],
};

const OTHER_EVENTS: MajorSource = {
  code: '06',
  name: '其他事件',
  minors: [
    {
      code: '01',
      name: '违规养犬',
      units: ['public_security', 'urban_management'],
      legalBasis: LAW.dogs,
      collection: COLLECT.behaviour,
      rows: [
        ['携犬出户未牵犬绳，或携犬进入禁止场所的', '2工作时', '已劝导整改'],
        ['犬只粪便未及时清理，污染公共场所的', '2工作时', '已清理'],
      ],
    },
    {
      code: '02',
      name: '流浪犬只',
      units: ['public_security', 'urban_management'],
      legalBasis: LAW.dogs,
      collection: COLLECT.scene,
      rows: [['公共场所出现流浪犬只，有伤人风险的', '8工作时', '已由相关单位收容']],
    },
    {
      code: '03',
      name: '公共设施损毁',
      units: ['urban_management', 'owner'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['公共设施被人为损毁或盗窃的', '1工作日', '已报案，设施已修复或补齐']],
    },
    {
      code: '04',
      name: '社会生活噪声',
      units: ['urban_management', 'street'],
      legalBasis: LAW.noise,
      collection: '视频或照片反映噪声来源及活动位置，注明发现时间。',
      rows: [
        ['广场舞、健身等活动使用音响音量过大，干扰周边居民的', '2工作时', '已劝导，音量已调低或活动已停止'],
      ],
    },
    {
      code: '05',
      name: '楼道堆物',
      units: ['fire', 'property'],
      legalBasis: laws(LAW.fireFacilities, LAW.property),
      collection: COLLECT.scene,
      rows: [['住宅小区楼道、公共通道堆放杂物，影响通行或消防安全的', '1工作日', '已清理，通道畅通']],
    },
    {
      code: '06',
      name: '偷倒垃圾',
      units: ['urban_management', 'street'],
      legalBasis: LAW.constructionWaste,
      collection: COLLECT.scene,
      rows: [['在公共场所、空地、河道边偷倒建筑垃圾、工业垃圾的', '1工作日', '已清运，并移交查处']],
    },
    {
      code: '07',
      name: '毁绿种菜',
      units: ['landscaping', 'street'],
      legalBasis: laws(LAW.greening, LAW.hangzhouGreening),
      collection: COLLECT.scene,
      rows: [['在公共绿地、空地上私自种菜、圈地的', '5工作日', '已清除，恢复绿化或原状']],
    },
    {
      code: '08',
      name: '占用消防通道',
      units: ['fire', 'property'],
      legalBasis: LAW.fireFacilities,
      collection: COLLECT.scene,
      rows: [['堆放物品、设置障碍物占用、堵塞消防车通道或疏散通道的', '2工作时', '占用物已清除，通道畅通']],
    },
    {
      code: '99',
      name: '其他',
      units: ['urban_management', 'street'],
      legalBasis: '',
      collection: COLLECT.scene,
      rows: [['其他需要城市管理部门协调处置的问题', '3工作日', '问题已处置，并答复相关方']],
    },
  ],
};

export const EVENT_MAJORS: readonly MajorSource[] = [
  CITY_APPEARANCE,
  ADVERTISING,
  CONSTRUCTION,
  EMERGENCIES,
  STREET_ORDER,
  OTHER_EVENTS,
];
