/**
 * Texts used by many rows of the default dataset: the legal instruments cited and the collection rules.
 *
 * Legal basis: an article number is given only where the article's subject is certain; otherwise the
 * instrument alone is named. 《城市市容和环境卫生管理条例》 is the State Council regulation of 1992 (as amended);
 * 《城市道路管理条例》 the State Council regulation of 1996 (as amended).
 */
export const LAW = {
  roadFacilities: '《城市道路管理条例》第二十三条',
  roadProhibitions: '《城市道路管理条例》第二十七条',
  roadOccupation: '《城市道路管理条例》第三十一条',
  roadExcavation: '《城市道路管理条例》第三十三条',
  roads: '《城市道路管理条例》',
  appearance: '《城市市容和环境卫生管理条例》',
  appearanceBuildings: '《城市市容和环境卫生管理条例》第十条',
  appearanceAdvertising: '《城市市容和环境卫生管理条例》第十一条',
  appearanceStacking: '《城市市容和环境卫生管理条例》第十四条',
  appearanceTransport: '《城市市容和环境卫生管理条例》第十五条',
  appearanceSites: '《城市市容和环境卫生管理条例》第十六条',
  appearancePosting: '《城市市容和环境卫生管理条例》第十七条',
  hangzhouAppearance: '《杭州市城市市容和环境卫生管理条例》',
  trafficFacilities: '《中华人民共和国道路交通安全法》第三十条',
  trafficOccupation: '《中华人民共和国道路交通安全法》第三十一条',
  motorParking: '《中华人民共和国道路交通安全法》第五十六条',
  bicycleParking: '《中华人民共和国道路交通安全法》第五十九条',
  siteDust: '《中华人民共和国大气污染防治法》第六十九条',
  looseCargo: '《中华人民共和国大气污染防治法》第七十条',
  openBurning: '《中华人民共和国大气污染防治法》第七十七条',
  cookingFumes: '《中华人民共和国大气污染防治法》第八十一条',
  noise: '《中华人民共和国噪声污染防治法》',
  planning: '《中华人民共和国城乡规划法》第四十条、第六十四条',
  fireFacilities: '《中华人民共和国消防法》第二十八条',
  greening: '《城市绿化条例》',
  hangzhouGreening: '《杭州市城市绿化管理条例》',
  ancientTrees: '《城市古树名木保护管理办法》',
  drainage: '《城镇排水与污水处理条例》',
  waterSupply: '《城市供水条例》',
  gas: '《城镇燃气管理条例》',
  power: '《电力设施保护条例》',
  lighting: '《城市照明管理规定》',
  bridges: '《城市桥梁检测和养护维修管理办法》',
  publicToilets: '《城市公厕管理办法》',
  dangerousHouses: '《城市危险房屋管理规定》',
  constructionWaste: '《城市建筑垃圾管理规定》',
  hangzhouWaste: '《杭州市生活垃圾管理条例》',
  zhejiangWaste: '《浙江省生活垃圾管理条例》',
  advertising: '《中华人民共和国广告法》',
  unlicensed: '《无证无照经营查处办法》',
  begging: '《城市生活无着的流浪乞讨人员救助管理办法》',
  rivers: '《中华人民共和国河道管理条例》',
  eBikes: '《浙江省电动自行车管理条例》',
  sportsFacilities: '《公共文化体育设施条例》',
  postal: '《中华人民共和国邮政法》',
  dogs: '《杭州市限制养犬规定》',
  animalEpidemic: '《中华人民共和国动物防疫法》',
  property: '《物业管理条例》',
  fallingObjects: '《中华人民共和国民法典》第一千二百五十三条',
} as const;

/** Joins instruments with the full-width semicolon a Chinese table uses. */
export function laws(...items: string[]): string {
  return items.join('；');
}

/** 采集要求 shared by many minors. */
export const COLLECT = {
  manhole:
    '近景、远景照片各1张；近景须拍清井盖上的权属标识，无法辨认权属的按“不明井盖”采集；施工围挡范围内或整条道路整治期间的井盖问题不采集。',
  facility: '近景、远景照片各1张，近景反映问题部位，远景反映设施所在位置；设施有编号的须拍清编号。',
  facilityWithId: '近景、远景照片各1张，须拍清部件编号或标识牌；无编号的注明所在道路及参照物。',
  greenery:
    '近景、远景照片各1张，反映问题部位及所在道路或绿地名称；涉及树木的注明树种或树木编号（有编号的）。',
  scene: '现场照片不少于2张，分别反映问题全貌和周边参照物，注明门牌号或参照物位置。',
  behaviour: '照片不少于2张，反映行为过程和占用范围；当事人在采集前已自行纠正、现场已恢复的不立案。',
  vehicle: '照片不少于2张，拍清车辆号牌（无号牌的拍清车辆外观特征）、停放位置及周边标志标线。',
  site: '照片不少于2张，拍清工地名称牌或施工单位信息、问题部位近景及现场全景，注明工地名称。',
  urgent: '发现后立即上报，并电话报告监督中心；在确保自身安全的前提下拍摄现场照片，必要时协助设置警示。',
  water: '近景、远景照片各1张，反映水面或岸线问题范围，注明河道名称及所在桥梁、埠头等参照物。',
} as const;
