import { standardId } from './domain/codes.js';
import type { SheetCells, SheetRow } from './domain/sheet-columns.js';
import { emptyCells } from './domain/sheet-columns.js';
import type { CategoryKind, MinorCategory, Standard, TaxonomyTable, TimeLimit } from './domain/types.js';

/** A small hand-written table: two component minors (one a local extension) and one event minor. */
export function sampleTable(): TaxonomyTable {
  const minor = (kind: CategoryKind, majorCode: string, code: string, name: string): MinorCategory => ({
    kind,
    majorCode,
    code,
    name,
    legalBasis: '《城市道路管理条例》',
    collectionRequirements: '近景、远景照片各1张',
    supervisingUnitKind: 'urban_management',
    responsibleUnitKind: 'municipal',
  });
  const standard = (
    kind: CategoryKind,
    majorCode: string,
    minorCode: string,
    seq: number,
    filingCondition: string,
    timeLimit: TimeLimit,
  ): Standard => ({
    id: standardId(kind, majorCode, minorCode, seq),
    kind,
    majorCode,
    minorCode,
    seq,
    filingCondition,
    timeLimit,
    closingCondition: '已修复',
  });
  return {
    majors: [
      { kind: 'component', code: '01', name: '公用设施' },
      { kind: 'event', code: '01', name: '市容环境' },
    ],
    minors: [
      minor('component', '01', '01', '上水井盖'),
      minor('component', '01', '99', '多功能智慧杆'),
      minor('event', '01', '02', '暴露垃圾'),
    ],
    standards: [
      standard('component', '01', '01', 1, '井盖缺失', { amount: 2, unit: 'urgent_hour' }),
      standard('component', '01', '01', 2, '井盖松动', { amount: 2, unit: 'work_day' }),
      standard('component', '01', '99', 1, '杆体倾斜', { amount: 4, unit: 'work_hour' }),
      standard('event', '01', '02', 1, '暴露垃圾成堆', { amount: 4, unit: 'work_hour' }),
    ],
  };
}

/** A sheet row numbered as Excel shows it, from cells given by column key (the rest empty). */
export function sheetRow(row: number, cells: Partial<SheetCells>): SheetRow {
  return { row, cells: { ...emptyCells(), ...cells } };
}

/** A valid, complete sheet row for 部件 01 01 (上水井盖) with seq 1; override what a test is about. */
export function goodCells(overrides: Partial<SheetCells> = {}): Partial<SheetCells> {
  return {
    kind: '部件',
    majorCode: '01',
    majorName: '公用设施',
    minorCode: '01',
    minorName: '上水井盖',
    seq: '1',
    filingCondition: '井盖缺失',
    timeLimit: '2紧急工作时',
    closingCondition: '已补齐',
    ...overrides,
  };
}
