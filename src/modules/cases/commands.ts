/**
 * Steps on existing cases (核实 … 结案 and every branch), 我也遇到 ("me too"), satisfaction ratings and the
 * settings. Each step: read and check outside the transaction, decide with the pure lifecycle, plan the
 * clocks, then one write that succeeds only if the case still has the version that was read.
 */
import type { Role } from '../../platform/auth/index.js';
import { safeEqual } from '../../platform/auth/secrets.js';
import type { Actor } from '../../platform/actor.js';
import type { GroupCommitter } from '../../platform/db/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { appendEvents } from '../../platform/events/index.js';
import { requireUploaded } from '../evidence/index.js';
import { findStandard } from '../taxonomy/index.js';
import { refusalError, ruleError, unprocessable } from './case-errors.js';
import type { CasesDeps, ContextCache } from './context.js';
import type { Action } from './domain/actions.js';
import { decide } from './domain/lifecycle.js';
import { effectiveSettings, type StoredCaseSettings } from './domain/settings.js';
import { FINAL_STAGES, OPEN_CASE_STAGES } from './domain/states.js';
import { caseEvent, toStoredEvents } from './events.js';
import { hotlineOutbox } from './intake.js';
import { canSee, type Viewer } from './policies.js';
import * as store from './store.js';
import * as settingsStore from './settings-store.js';
import * as timerStore from './timer-store.js';
import { planTimers } from './timer-records.js';
import type { CaseRecord, Satisfaction } from './types.js';
import type { CaseWrite, WriteResult } from './writes.js';

/** Who acts: a signed-in person (checked against their data scope) or the system (timers, 110 interface). */
export interface Acting {
  readonly actor: Actor;
  readonly roles: readonly Role[];
  /** null for the system: no data-scope check. */
  readonly viewer: Viewer | null;
}

/** An action as the HTTP API takes it: cases and units by reference, attachments by content hash. */
export type StepInput =
  | { kind: 'verify'; confirmed: boolean; reason?: string; photos?: string[] }
  | { kind: 'file'; standardId: string }
  | { kind: 'void'; reason: string }
  | { kind: 'merge'; intoCase: string }
  | { kind: 'dispatch'; mode: 'auto' }
  | { kind: 'dispatch'; mode: 'manual'; unitCode: string; reason: string }
  | { kind: 'redispatch'; unitCode: string; reason: string }
  | { kind: 'accept' }
  | { kind: 'return'; reason: string }
  | { kind: 'requestExtension'; reason: string }
  | { kind: 'decideExtension'; approve: boolean; reason?: string }
  | { kind: 'requestHold'; until: string; reason: string }
  | { kind: 'decideHold'; approve: boolean; reason?: string }
  | { kind: 'resume' }
  | { kind: 'reportBack'; photos: string[]; note?: string }
  | { kind: 'check'; passed: boolean; reason?: string; photos?: string[] }
  | { kind: 'close' }
  | { kind: 'press'; note?: string }
  | { kind: 'markOverdue' }
  | { kind: 'appeal'; reason: string }
  | { kind: 'decideAppeal'; approve: boolean; reason?: string }
  | { kind: 'forceClose'; reason: string }
  | { kind: 'reopen'; reason: string };

/** Status words sent back to the 12345 platform. */
const HOTLINE_STATUS: Partial<Record<string, string>> = {
  verify: 'verified',
  file: 'accepted',
  void: 'rejected',
  merge: 'merged',
  dispatch: 'dispatched',
  redispatch: 'dispatched',
  reportBack: 'replied',
  close: 'completed',
  forceClose: 'completed',
  reopen: 'reopened',
  decideExtension: 'extended',
  decideHold: 'parked',
};

export function createCaseCommands(
  deps: CasesDeps,
  contexts: ContextCache,
  committer: GroupCommitter<CaseWrite, WriteResult>,
) {
  async function load(acting: Acting, ref: string): Promise<CaseRecord> {
    const record = await store.findCase(deps.db.sql, acting.actor.tenantId, ref);
    if (!record || (acting.viewer && !canSee(acting.viewer, record))) throw errors.notFound('case');
    return record;
  }

  const checkPhotos = (tenantId: number, photos: readonly string[] | undefined): Promise<string[]> =>
    requireUploaded(deps.evidence, tenantId, photos, 'photos');

  async function step(
    acting: Acting,
    ref: string,
    input: StepInput,
    expectedVersion: number | null,
  ): Promise<CaseRecord> {
    const tenantId = acting.actor.tenantId;
    const record = await load(acting, ref);
    if (expectedVersion !== null && expectedVersion !== record.version) {
      throw errors.versionConflict(expectedVersion, record.version);
    }
    const ctx = await contexts.get(tenantId);
    const now = deps.clock.now();
    let patch: Partial<CaseRecord> = {};
    const extras: Record<string, unknown> = {};
    let photos: string[] = [];
    let action: Action;
    let mergeTarget: CaseRecord | null = null;
    switch (input.kind) {
      case 'file': {
        const { version } = await deps.taxonomy.current(tenantId);
        const standard = findStandard(version, input.standardId);
        if (!standard) {
          throw unprocessable('UNKNOWN_STANDARD', `no standard row ${input.standardId}`, 'standardId');
        }
        action = { kind: 'file', standardId: standard.id };
        patch = {
          standardId: standard.id,
          categoryType: standard.kind,
          majorCode: standard.majorCode,
          minorCode: standard.minorCode,
          taxonomyVersion: version.version,
          handleLimit: standard.timeLimit,
          filedAt: now,
        };
        extras.category = {
          categoryType: standard.kind,
          majorCode: standard.majorCode,
          minorCode: standard.minorCode,
        };
        extras.timeLimit = standard.timeLimit;
        break;
      }
      case 'dispatch': {
        if (input.mode === 'auto') {
          if (!record.standardId || !record.categoryType || !record.majorCode || !record.minorCode) {
            throw ruleError('case.standard-required', 'the case has no standard row to dispatch by');
          }
          const resolved = await deps.dispatch.resolveCase(tenantId, {
            categoryType: record.categoryType,
            majorCode: record.majorCode,
            minorCode: record.minorCode,
            standardId: record.standardId,
            location: { lng: record.lng, lat: record.lat, crs: 'wgs84' },
            componentId: record.componentId,
          });
          action = { kind: 'dispatch', unitCode: resolved.resolution.unit.code, mode: 'auto' };
          extras.dispatch = {
            rule: resolved.resolution.rule,
            principle: resolved.resolution.principle,
            via: resolved.resolution.via,
            explanation: resolved.explanation,
          };
        } else {
          await checkUnit(tenantId, input.unitCode);
          action = { kind: 'dispatch', unitCode: input.unitCode, mode: 'manual', reason: input.reason };
        }
        patch = { unitCode: action.unitCode };
        break;
      }
      case 'redispatch':
        await checkUnit(tenantId, input.unitCode);
        action = input;
        patch = { unitCode: input.unitCode };
        break;
      case 'merge': {
        mergeTarget = await store.findCase(deps.db.sql, tenantId, input.intoCase);
        const targetOpen =
          mergeTarget !== null &&
          mergeTarget.id !== record.id &&
          (OPEN_CASE_STAGES.includes(mergeTarget.stage) || mergeTarget.stage === 'reported');
        if (!mergeTarget || !targetOpen) {
          throw ruleError('case.merge-target', 'merge into another open case', 'intoCase');
        }
        action = { kind: 'merge', intoCaseId: mergeTarget.id };
        extras.intoCaseNo = mergeTarget.caseNo;
        break;
      }
      case 'reportBack':
        photos = await checkPhotos(tenantId, input.photos);
        action = { kind: 'reportBack', photos: photos.length, ...(input.note ? { note: input.note } : {}) };
        break;
      case 'verify':
        photos = await checkPhotos(tenantId, input.photos);
        action = {
          kind: 'verify',
          confirmed: input.confirmed,
          ...(input.reason ? { reason: input.reason } : {}),
        };
        break;
      case 'check':
        photos = await checkPhotos(tenantId, input.photos);
        action = { kind: 'check', passed: input.passed, ...(input.reason ? { reason: input.reason } : {}) };
        break;
      case 'void':
      case 'accept':
      case 'return':
      case 'requestExtension':
      case 'decideExtension':
      case 'requestHold':
      case 'decideHold':
      case 'resume':
      case 'close':
      case 'press':
      case 'markOverdue':
      case 'appeal':
      case 'decideAppeal':
      case 'forceClose':
      case 'reopen':
        action = input;
    }
    if (photos.length > 0) extras.photos = photos;

    const decision = decide(
      record.state,
      action,
      { id: String(acting.actor.accountId ?? 'system'), roles: acting.roles },
      now.toISOString(),
      { verifyChannels: ctx.settings.verifyChannels },
    );
    if (!decision.ok) throw refusalError(decision);
    const next = decision.state;

    const timers = await timerStore.timersOf(deps.db.sql, tenantId, [record.id]);
    const plan = planTimers({
      caseId: record.id,
      before: record.stage,
      after: next.stage,
      action: action.kind,
      approvedExtension: action.kind === 'decideExtension' && action.approve,
      current: timers,
      now,
      calendar: ctx.calendar,
      calendarVersion: ctx.calendarVersion,
      settings: ctx.settings,
      handleLimit: patch.handleLimit ?? record.handleLimit ?? ctx.settings.fallbackHandleLimit,
      ...(next.onHoldUntil ? { holdUntil: new Date(next.onHoldUntil) } : {}),
    });
    if (Object.keys(plan.finished).length > 0) extras.stageOutcomes = plan.finished;
    if (plan.upsert.some((t) => t.kind === 'handle')) {
      extras.handleDeadline = plan.upsert.find((t) => t.kind === 'handle')?.deadline.toISOString();
    }
    const closing = next.stage === 'closed';
    const updated: CaseRecord = {
      ...record,
      ...patch,
      version: next.version,
      stage: next.stage,
      state: next,
      closedAt: closing ? now : next.stage === 'filed' ? null : record.closedAt,
      deadline: plan.caseDeadline,
      warning: plan.warning,
      updatedAt: now,
    };
    const events = toStoredEvents(updated, decision.events, extras);
    if (mergeTarget) {
      events.push(
        caseEvent(mergeTarget, 'cases.case.mergedIn', {
          fromCaseId: record.id,
          fromCaseNo: record.caseNo,
          at: now.toISOString(),
          role: events[0]?.role ?? null,
        }),
      );
    }
    const status = HOTLINE_STATUS[action.kind];
    const result = await committer.submit({
      kind: 'update',
      tenantId,
      actor: acting.actor,
      record: updated,
      expectedVersion: record.version,
      upsertTimers: plan.upsert,
      removeTimers: plan.remove,
      events,
      outbox: status ? hotlineOutbox(ctx, updated, status, now) : [],
    });
    if (result.kind !== 'updated') {
      const current = await store.findCase(deps.db.sql, tenantId, record.id);
      throw errors.versionConflict(record.version, current?.version ?? record.version);
    }
    return result.record;
  }

  async function checkUnit(tenantId: number, unitCode: string): Promise<void> {
    const unit = await deps.org.findUnit(tenantId, unitCode);
    if (!unit || !unit.active) throw unprocessable('UNKNOWN_UNIT', `no active unit ${unitCode}`, 'unitCode');
  }

  /** 我也遇到: a citizen (or staff) confirms an open case instead of reporting it again. */
  async function support(
    actor: Actor,
    ref: string,
    input: { photos?: string[]; note?: string | null },
  ): Promise<CaseRecord> {
    const record = await store.findCase(deps.db.sql, actor.tenantId, ref);
    if (!record || record.stage === 'voided' || record.stage === 'merged') throw errors.notFound('case');
    if (FINAL_STAGES.includes(record.stage)) {
      throw ruleError('case.final', 'the case is already closed', 'case');
    }
    const photos = await checkPhotos(actor.tenantId, input.photos);
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await store.touchCase(tx, actor.tenantId, record.id, { supportersDelta: 1 });
      await appendEvents(tx, actor, now, [
        caseEvent(record, 'cases.case.supported', {
          at: now.toISOString(),
          role: actor.kind === 'public' ? 'public' : null,
          supporters: record.supporters + 1,
          photos,
          note: input.note ?? null,
        }),
      ]);
    });
    return { ...record, supporters: record.supporters + 1 };
  }

  /** Satisfaction after closure: by the reporter (tracking code) or from a 12345 call-back (回访). */
  async function rate(
    actor: Actor,
    record: CaseRecord,
    satisfaction: Satisfaction,
    via: 'reporter' | 'callback',
    comment: string | null,
  ): Promise<CaseRecord> {
    if (record.stage !== 'closed') {
      throw ruleError('case.not-closed', 'only a closed case can be rated', 'case');
    }
    if (record.satisfaction !== null) {
      throw errors.conflict('ALREADY_RATED', 'this case has already been rated', 'satisfaction');
    }
    const now = deps.clock.now();
    const done = await deps.db.transaction(async (tx) => {
      const changed = await store.rateCase(tx, actor.tenantId, record.id, satisfaction, now);
      if (!changed) return false;
      await appendEvents(tx, actor, now, [
        caseEvent(record, 'cases.case.rated', { at: now.toISOString(), satisfaction, via, comment }),
      ]);
      return true;
    });
    if (!done) throw errors.conflict('ALREADY_RATED', 'this case has already been rated', 'satisfaction');
    return { ...record, satisfaction, ratedAt: now };
  }

  /** Public tracking: the case number and the code given at reporting time. */
  async function track(tenantId: number, caseNo: string, code: string): Promise<CaseRecord> {
    const record = await store.findCase(deps.db.sql, tenantId, caseNo);
    const expected = record?.trackingDigest ?? null;
    if (!record || !expected || !safeEqual(expected, deps.secrets.digest(`track:${record.id}:${code}`))) {
      throw new AppError(404, 'TRACKING_FAILED', 'wrong case number or verification code', { field: 'code' });
    }
    return record;
  }

  async function readSettings(tenantId: number) {
    const stored = await settingsStore.readSettings(deps.db.sql, tenantId);
    return {
      settings: effectiveSettings(stored?.content),
      stored: stored?.content ?? {},
      version: stored?.version ?? 0,
    };
  }

  async function saveSettings(actor: Actor, content: StoredCaseSettings, expectedVersion: number) {
    const now = deps.clock.now();
    const version = await deps.db.transaction(async (tx) => {
      const v = await settingsStore.writeSettings(
        tx,
        actor.tenantId,
        content,
        expectedVersion === 0 ? null : expectedVersion,
        now,
      );
      if (v === null) return null;
      await appendEvents(tx, actor, now, [
        {
          streamType: 'caseSettings',
          streamId: String(actor.tenantId),
          name: 'cases.settings.changed',
          payload: { version: v },
        },
      ]);
      return v;
    });
    if (version === null) {
      const current = await settingsStore.readSettings(deps.db.sql, actor.tenantId);
      throw errors.versionConflict(expectedVersion, current?.version ?? 0);
    }
    contexts.invalidate(actor.tenantId);
    return readSettings(actor.tenantId);
  }

  return { step, support, rate, track, load, readSettings, saveSettings };
}

export type CaseCommands = ReturnType<typeof createCaseCommands>;
