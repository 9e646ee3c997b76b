/**
 * Special management zones drawn as polygons for the demo rule set (WGS-84). SCHEMATIC: rectangles placed
 * from public map knowledge (offset from GCJ-02 by about 450 m west and 260 m north), not surveyed or legal
 * boundaries. Parts may extend beyond the district outline; only points inside the district ever reach them.
 *
 * 河坊街 overlaps the 吴山 part of the scenic area on purpose: equally ranked polygon rules are ordered by
 * area, so the smaller, more specific zone wins there.
 */
import type { RuleArea } from './domain/types.js';

export interface DemoArea {
  code: string;
  name: string;
  /** The unit that manages the zone. */
  unitCode: string;
  polygon: RuleArea;
}

const rect = (west: number, south: number, east: number, north: number): number[][][] => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];

export const DEMO_AREAS: readonly DemoArea[] = [
  {
    code: 'WESTLAKE',
    name: '西湖风景名胜区（上城段：湖滨沿湖带、吴山，示意）',
    unitCode: 'SCENIC-WESTLAKE',
    polygon: {
      type: 'MultiPolygon',
      coordinates: [rect(120.149, 30.2475, 120.1595, 30.2605), rect(120.154, 30.2375, 120.166, 30.2465)],
    },
  },
  {
    code: 'HEFANG',
    name: '清河坊—南宋御街历史街区（示意）',
    unitCode: 'HEFANG',
    polygon: {
      type: 'MultiPolygon',
      coordinates: [rect(120.16, 30.243, 120.17, 30.2446), rect(120.166, 30.2446, 120.1676, 30.256)],
    },
  },
  {
    code: 'HUB-EAST',
    name: '杭州东站枢纽地区（示意）',
    unitCode: 'HUB-EAST',
    polygon: { type: 'Polygon', coordinates: rect(120.202, 30.2885, 120.214, 30.297) },
  },
  {
    code: 'QIANJIANG-CBD',
    name: '钱江新城核心区（示意）',
    unitCode: 'QIANJIANG-CBD',
    polygon: { type: 'Polygon', coordinates: rect(120.198, 30.24, 120.216, 30.254) },
  },
];
