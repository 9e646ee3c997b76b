/** Where a case opens: the workbench area's case detail. */
export function caseHref(caseNo: string): string {
  return `/console/work/cases/${encodeURIComponent(caseNo)}`;
}
