/**
 * The 14 streets (街道) of 杭州市上城区 (330102) with their NBS 统计用区划代码 (2023) and community counts
 * (urban-management.md §13.1; data/reference/admin-codes/). Kept as code so the demo rule generator and the
 * tests stay pure; the communities themselves are in the CSV and the geo module.
 */
export interface DemoStreet {
  code: string;
  name: string;
  /** How many communities (社区) the street has in the 2023 codes. */
  communityCount: number;
}

export const SHANGCHENG_DISTRICT_CODE = '330102';

export const SHANGCHENG_STREETS: readonly DemoStreet[] = [
  { code: '330102001', name: '清波街道', communityCount: 5 },
  { code: '330102003', name: '湖滨街道', communityCount: 6 },
  { code: '330102004', name: '小营街道', communityCount: 12 },
  { code: '330102008', name: '南星街道', communityCount: 8 },
  { code: '330102009', name: '紫阳街道', communityCount: 12 },
  { code: '330102010', name: '望江街道', communityCount: 11 },
  { code: '330102011', name: '凯旋街道', communityCount: 15 },
  { code: '330102012', name: '采荷街道', communityCount: 16 },
  { code: '330102013', name: '闸弄口街道', communityCount: 17 },
  { code: '330102014', name: '四季青街道', communityCount: 11 },
  { code: '330102015', name: '彭埠街道', communityCount: 21 },
  { code: '330102016', name: '笕桥街道', communityCount: 20 },
  { code: '330102017', name: '丁兰街道', communityCount: 26 },
  { code: '330102018', name: '九堡街道', communityCount: 23 },
];

/**
 * Communities piloting 垃圾分类 supervision by a social organisation (real codes and names from the 2023 list;
 * the pilot itself is demo data).
 */
export const SORTING_PILOT_COMMUNITIES: readonly { code: string; name: string }[] = [
  { code: '330102001055', name: '清河坊社区' },
  { code: '330102003057', name: '东坡路社区' },
  { code: '330102004051', name: '小营巷社区' },
  { code: '330102009058', name: '太庙社区' },
  { code: '330102012001', name: '芙蓉社区' },
];
