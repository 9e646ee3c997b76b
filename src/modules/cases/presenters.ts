/** Output shapes: the staff view of a case (masked per viewer), its timeline, and the public view. */
import { formatInZone } from '../../platform/zoned-time.js';
import { allowedActions } from './domain/lifecycle.js';
import { CHANNELS, STAGES } from './domain/states.js';
import type { CaseEventRow } from './store.js';

import { reporterFor, type Viewer } from './policies.js';
import type { CaseRecord, TimerRecord } from './types.js';

const iso = (d: Date | null, tz: string): string | null => (d ? formatInZone(d, tz) : null);

export function presentCase(
  c: CaseRecord,
  viewer: Viewer,
  tz: string,
  detail?: { timers: readonly TimerRecord[] },
) {
  const s = c.state;
  return {
    id: c.id,
    caseNo: c.caseNo,
    version: c.version,
    stage: c.stage,
    stageName: STAGES[c.stage],
    channel: c.channel,
    channelName: CHANNELS[c.channel],
    categoryType: c.categoryType,
    majorCode: c.majorCode,
    minorCode: c.minorCode,
    standardId: c.standardId,
    taxonomyVersion: c.taxonomyVersion,
    handleLimit: c.handleLimit,
    unitCode: c.unitCode,
    location: {
      type: 'Point' as const,
      coordinates: [c.lng, c.lat] as [number, number],
      crs: 'wgs84' as const,
    },
    gridCode: c.gridCode,
    communityCode: c.communityCode,
    streetCode: c.streetCode,
    componentId: c.componentId,
    address: c.address,
    description: c.description,
    photos: [...c.photos],
    reporter: reporterFor(viewer, c.reporter),
    source: c.source,
    priority: c.priority,
    flags: [...c.flags],
    supporters: c.supporters,
    satisfaction: c.satisfaction,
    reportedAt: formatInZone(c.reportedAt, tz),
    filedAt: iso(c.filedAt, tz),
    closedAt: iso(c.closedAt, tz),
    deadline: iso(c.deadline, tz),
    warning: c.warning,
    counters: {
      rework: s.reworkCount,
      extensionsApproved: s.extensionsApproved,
      returns: s.returnCount,
      presses: s.pressCount,
      reopens: s.reopenCount,
    },
    pendingRequest: s.pendingRequest,
    onHoldUntil: s.onHoldUntil,
    overdue: s.flags.overdue,
    overdueWaived: s.flags.overdueWaived,
    forcedClose: s.flags.forcedClose,
    mergedInto: s.mergedInto,
    // What this viewer may do now: the web app shows exactly these buttons (no second copy of the rules).
    allowedActions: allowedActions(s, { roles: viewer.principal.account.roles }),
    ...(detail
      ? {
          timers: detail.timers.map((t) => ({
            kind: t.kind,
            startedAt: formatInZone(t.startedAt, tz),
            limit: t.limit,
            multiplier: t.multiplier,
            deadline: formatInZone(t.deadline, tz),
            promptAt: iso(t.promptAt, tz),
            yellowAt: iso(t.yellowAt, tz),
            warning: t.fired,
            paused: t.pausedAt !== null,
          })),
        }
      : {}),
  };
}

export function presentHistory(rows: readonly CaseEventRow[], tz: string) {
  return rows.map((e) => ({
    seq: e.seq,
    version: e.streamVersion,
    name: e.name,
    at: formatInZone(e.occurredAt, tz),
    actor: { kind: e.actorKind, accountId: e.actorId, role: e.actorRole },
    payload: e.payload,
  }));
}

/** What the public sees of each step; internal steps (warnings, presses, appeals) are not shown. */
const PUBLIC_STEPS: Record<string, string> = {
  'cases.case.reported': '已受理上报',
  'cases.case.verified': '已现场核实',
  'cases.case.filed': '已立案',
  'cases.case.voided': '不予立案',
  'cases.case.merged': '已与同一问题的案件合并办理',
  'cases.case.dispatched': '已派遣至处置单位',
  'cases.case.redispatched': '已改派处置单位',
  'cases.case.accepted': '处置单位已签收',
  'cases.case.extensionApproved': '已批准延期处置',
  'cases.case.held': '暂缓处置（挂账）',
  'cases.case.resumed': '恢复处置',
  'cases.case.reportedBack': '处置完毕，等待核查',
  'cases.case.reworked': '核查未通过，返工处置',
  'cases.case.checked': '现场核查',
  'cases.case.closed': '已结案',
  'cases.case.forceClosed': '已结案',
  'cases.case.reopened': '重新处置',
  'cases.case.supported': '又有市民反映此问题',
  'cases.case.rated': '已评价',
};

export function presentPublic(c: CaseRecord, history: readonly CaseEventRow[], tz: string) {
  return {
    caseNo: c.caseNo,
    stage: c.stage,
    stageName: STAGES[c.stage],
    channelName: CHANNELS[c.channel],
    categoryType: c.categoryType,
    majorCode: c.majorCode,
    minorCode: c.minorCode,
    description: c.description,
    reportedAt: formatInZone(c.reportedAt, tz),
    closedAt: iso(c.closedAt, tz),
    supporters: c.supporters,
    satisfaction: c.satisfaction,
    canRate: c.stage === 'closed' && c.satisfaction === null,
    photos: [...c.photos],
    history: history
      .filter((e) => PUBLIC_STEPS[e.name] !== undefined)
      .map((e) => ({
        at: formatInZone(e.occurredAt, tz),
        step: e.name.slice('cases.case.'.length),
        label: PUBLIC_STEPS[e.name] as string,
        // After-photos are public evidence of the fix (served as stripped public copies).
        ...(Array.isArray(e.payload.photos) && e.payload.photos.length > 0
          ? { photos: e.payload.photos }
          : {}),
        ...(e.name === 'cases.case.checked' ? { passed: e.payload.passed === true } : {}),
      })),
  };
}

/** Open cases near a point, as the public sees them before reporting ("me too"). */
export function presentNearby(c: CaseRecord, distanceM: number, tz: string) {
  return {
    caseNo: c.caseNo,
    stageName: STAGES[c.stage],
    categoryType: c.categoryType,
    majorCode: c.majorCode,
    minorCode: c.minorCode,
    description: c.description,
    distanceM: Math.round(distanceM),
    reportedAt: formatInZone(c.reportedAt, tz),
    supporters: c.supporters,
    photo: c.photos[0] ?? null,
  };
}
