/** Exports: CSV of any indicator table, the monthly bulletin as .xlsx and as a printable HTML page. */
import ExcelJS from 'exceljs';
import { CHANNELS } from '../cases/index.js';
import { COUNTS, RATES, indicatorLabels } from './domain/indicators.js';
import { DURATION_STAGES } from './domain/counters.js';
import type { EvaluationService, TableRow } from './service.js';

export type Bulletin = Awaited<ReturnType<EvaluationService['bulletin']>>;

const LABELS = indicatorLabels();

/** Column keys of an indicator table: counts, rates, mean durations (hours). */
export function tableColumns(): string[] {
  return [
    ...COUNTS.map((c) => c.key),
    ...RATES.map((r) => r.key),
    ...DURATION_STAGES.map((s) => `mean_${s}`),
  ];
}

function cellOf(row: TableRow, key: string): number | null {
  if (key.startsWith('mean_')) {
    const s = row.indicators.meanSeconds[key.slice(5)];
    return s === null || s === undefined ? null : Math.round((s / 3600) * 100) / 100;
  }
  if (key in row.indicators.rates) {
    const r = row.indicators.rates[key];
    return r === null || r === undefined ? null : Math.round(r * 10000) / 100;
  }
  return row.indicators.counts[key] ?? null;
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Formula injection: a cell starting with = + - @ is read as text.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV (UTF-8 with BOM for Excel): rank, code, name, score, then every indicator; rates in %, means in hours. */
export function tableCsv(rows: readonly TableRow[]): string {
  const cols = tableColumns();
  const header = [
    '名次',
    '编码',
    '名称',
    '得分',
    ...cols.map(
      (c) =>
        `${LABELS[c] ?? c}${c in LABELS && RATES.some((r) => r.key === c) ? '(%)' : c.startsWith('mean_') ? '(小时)' : ''}`,
    ),
  ];
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) {
    lines.push(
      [r.rank ?? null, r.code, r.name, r.score?.total ?? null, ...cols.map((c) => cellOf(r, c))]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`;
const signed = (v: number | null | undefined, rate: boolean) =>
  v === null || v === undefined
    ? '—'
    : `${v >= 0 ? '+' : ''}${rate ? `${(v * 100).toFixed(2)} 个百分点` : v}`;
const channelName = (code: string) => (CHANNELS as Record<string, string>)[code] ?? code;

/** The summary lines of a bulletin (shared by the workbook and the page). */
function summaryRows(b: Bulletin): [string, string, string, string][] {
  const rows: [string, string, string, string][] = [];
  for (const c of COUNTS) {
    rows.push([
      c.label,
      String(b.counts[c.key] ?? 0),
      String(b.previousCounts[c.key] ?? 0),
      signed(b.trend[c.key], false),
    ]);
  }
  for (const r of RATES) {
    rows.push([r.label, pct(b.rates[r.key]), pct(b.previousRates[r.key]), signed(b.trend[r.key], true)]);
  }
  return rows;
}

export async function bulletinXlsx(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chengzhi 城治';
  const title = `数字城管月度通报 ${b.period.label}`;
  const s = wb.addWorksheet('概况');
  s.addRow([title]).font = { bold: true, size: 14 };
  s.addRow([
    `对比期: ${b.previous.label}`,
    b.scheme ? `考核方案: ${b.scheme.name} (${b.scheme.year} v${b.scheme.version})` : '',
  ]);
  s.addRow([]);
  s.addRow(['指标', '本期', '上期', '变化']).font = { bold: true };
  for (const r of summaryRows(b)) s.addRow(r);
  s.columns.forEach((c) => (c.width = 22));

  const src = wb.addWorksheet('来源');
  src.addRow(['来源', '上报数', '占比']).font = { bold: true };
  for (const r of b.sources) src.addRow([channelName(r.channel), r.reported, pct(r.share)]);
  const cat = wb.addWorksheet('高发问题');
  cat.addRow(['类别', '立案数']).font = { bold: true };
  for (const r of b.topCategories) cat.addRow([r.code, r.n]);

  for (const [name, rows] of [
    ['部门排名', b.units],
    ['街道排名', b.streets],
  ] as const) {
    const ws = wb.addWorksheet(name);
    const cols = tableColumns();
    ws.addRow(['名次', '编码', '名称', '得分', ...cols.map((c) => LABELS[c] ?? c)]).font = { bold: true };
    for (const r of rows) {
      ws.addRow([r.rank ?? null, r.code, r.name, r.score?.total ?? null, ...cols.map((c) => cellOf(r, c))]);
    }
  }
  const worst = wb.addWorksheet('后进单位');
  worst.addRow(['编码', '名称', '得分', '按期处置率', '结案率']).font = { bold: true };
  for (const r of b.worstUnits) {
    worst.addRow([
      r.code,
      r.name,
      r.score?.total ?? null,
      pct(r.indicators.rates.handledOnTimeRate),
      pct(r.indicators.rates.closeRate),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function esc(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function bulletinHtml(b: Bulletin): string {
  const table = (head: string[], rows: (string | number | null)[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const ranking = (rows: readonly TableRow[]) =>
    table(
      ['名次', '编码', '名称', '得分', '应处置', '按期处置率', '结案率', '按期结案率', '返工数'],
      rows.map((r) => [
        r.rank ?? null,
        r.code,
        r.name,
        r.score?.total ?? null,
        r.indicators.counts.dueHandle ?? 0,
        pct(r.indicators.rates.handledOnTimeRate),
        pct(r.indicators.rates.closeRate),
        pct(r.indicators.rates.closedOnTimeRate),
        r.indicators.counts.reworked ?? 0,
      ]),
    );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>数字城管月度通报 ${esc(b.period.label)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#111}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}
th{background:#eee}td:nth-child(2),td:nth-child(3){text-align:left}
@media print{body{margin:0}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}
</style></head><body>
<h1>数字城管月度通报 ${esc(b.period.label)}</h1>
<p>统计期 ${esc(b.period.from)} 至 ${esc(b.period.to)}；对比期 ${esc(b.previous.label)}${b.scheme ? `；考核方案 ${esc(b.scheme.name)} (${b.scheme.year} 版 v${b.scheme.version})` : ''}</p>
<h2>一、总体情况</h2>
${table(['指标', '本期', '上期', '变化'], summaryRows(b))}
<h2>二、问题来源</h2>
${table(
  ['来源', '上报数', '占比'],
  b.sources.map((s) => [channelName(s.channel), s.reported, pct(s.share)]),
)}
<h2>三、高发问题</h2>
${table(
  ['类别', '立案数'],
  b.topCategories.map((c) => [c.code, c.n]),
)}
<h2>四、专业部门排名</h2>
${ranking(b.units)}
<h2>五、街道排名</h2>
${ranking(b.streets)}
<h2>六、后进单位</h2>
${ranking(b.worstUnits)}
</body></html>
`;
}
