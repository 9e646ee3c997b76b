/**
 * 上报: reports from every channel become cases. Everything that reads (geocoding, the standards table,
 * dispatch rules, the duty roster, evidence) happens here, before the write; the write itself is grouped with
 * concurrent reports into one transaction (writes.ts, platform/db/group-commit.ts).
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { GroupCommitter } from '../../platform/db/index.js';
import { errors } from '../../platform/http/app-error.js';
import { isoInstant } from '../../platform/iso-instant.js';
import { formatInZone } from '../../platform/zoned-time.js';
import { requireUploaded } from '../evidence/index.js';
import { refusalError, unprocessable } from './case-errors.js';
import type { CasesDeps, ContextCache, TenantContext } from './context.js';
import type { IntakeAnswer, Receipt, ReportInput, Reporting } from './intake-input.js';
import { decide, openCase, type CaseEvent } from './domain/lifecycle.js';
import type { CaseSettings } from './domain/settings.js';
import type { CaseState, Channel } from './domain/states.js';
import { toStoredEvents, caseEvent } from './events.js';
import { createChannelFacts } from './intake-channels.js';
import * as intakeStore from './intake-store.js';
import { planTimers } from './timer-records.js';
import type { CaseRecord } from './types.js';
import type { CaseWrite, OutboxItem, WriteResult } from './writes.js';

const TRACKED: readonly Channel[] = ['public', 'hotline'];

export function createIntake(
  deps: CasesDeps,
  contexts: ContextCache,
  committer: GroupCommitter<CaseWrite, WriteResult>,
) {
  const channelFacts = createChannelFacts(deps);

  function isOfficeTime(ctx: TenantContext, now: Date): boolean {
    const from = Math.floor(now.getTime() / 60_000) * 60_000;
    return ctx.calendar.elapsed(from, from + 60_000, 'work_hour') > 0;
  }

  async function report(input: ReportInput, who: Reporting): Promise<IntakeAnswer> {
    const tenantId = who.actor.tenantId;
    const now = deps.clock.now();
    // The request's digest only matters for an Idempotency-Key (a retry must carry the same body).
    const digest = who.idempotencyKey
      ? createHash('sha256').update(JSON.stringify(input)).digest('base64url')
      : '';
    const owner = who.principal ? `a:${who.principal.account.id}` : 'p:';
    if (who.idempotencyKey) {
      const earlier = await intakeStore.findAnswer(deps.db.sql, tenantId, owner, who.idempotencyKey);
      if (earlier) return replay(earlier, digest);
    }
    const ctx = await contexts.get(tenantId);
    const roles = who.principal?.account.roles ?? who.roles ?? [];
    const accountId = who.principal?.account.id ?? who.actor.accountId;
    const pureActor = { ...(accountId !== null ? { id: String(accountId) } : {}), roles };
    const opened = openCase({ channel: input.channel }, pureActor, isoInstant(now), {
      verifyChannels: ctx.settings.verifyChannels,
    });
    if (!opened.ok) throw refusalError(opened);

    const crs = input.location.crs ?? 'wgs84';
    const located = await deps.geo.locate(tenantId, input.location.lng, input.location.lat, crs);
    if (!located) {
      throw unprocessable('OUTSIDE_AREA', 'the location lies outside every unit grid', 'location');
    }
    const photos = await requireUploaded(deps.evidence, tenantId, input.photos, 'photos');

    const facts = await channelFacts(input, tenantId, ctx, located.grid.code, now);
    const { category, standard, taxonomyVersion, componentId, reporter, source, priority, fold } = facts;
    let flags = facts.flags;

    // 110 hand-over outside office hours: filed and dispatched at once to the unit's duty staff, urgent clock.
    let state: CaseState = opened.state;
    const steps: CaseEvent[] = [...opened.events];
    let unitCode: string | null = null;
    let extras: Record<string, unknown> = {};
    let urgentLimits: CaseSettings['urgentLinkage'] | null = null;
    if (input.channel === 'linkage' && standard && !isOfficeTime(ctx, now)) {
      const resolved = await deps.dispatch.resolveCase(tenantId, {
        categoryType: standard.kind,
        majorCode: standard.majorCode,
        minorCode: standard.minorCode,
        standardId: standard.id,
        location: { lng: located.position[0], lat: located.position[1], crs: 'wgs84' },
      });
      unitCode = resolved.resolution.unit.code;
      const duty = await deps.org.onDuty(tenantId, unitCode, now);
      const filed = decide(state, { kind: 'file', standardId: standard.id }, pureActor, isoInstant(now));
      if (!filed.ok) throw refusalError(filed);
      const sent = decide(
        filed.state,
        { kind: 'dispatch', unitCode, mode: 'auto' },
        pureActor,
        isoInstant(now),
      );
      if (!sent.ok) throw refusalError(sent);
      state = sent.state;
      steps.push(...filed.events, ...sent.events);
      flags = [...flags, 'afterHours'];
      urgentLimits = ctx.settings.urgentLinkage;
      extras = {
        dispatch: {
          rule: resolved.resolution.rule,
          principle: resolved.resolution.principle,
          via: resolved.resolution.via,
          explanation: resolved.explanation,
        },
        dutyStaff: duty.map((d) => d.accountId),
      };
    }

    const handleLimit =
      urgentLimits && standard?.timeLimit.unit !== 'urgent_hour'
        ? urgentLimits.handle
        : (standard?.timeLimit ?? ctx.settings.fallbackHandleLimit);
    const caseId = randomUUID();
    const trackingCode = TRACKED.includes(input.channel)
      ? String(randomInt(0, 1_000_000)).padStart(6, '0')
      : null;
    const timers = planTimers({
      caseId,
      before: null,
      after: state.stage,
      action: 'report',
      approvedExtension: false,
      current: [],
      now,
      calendar: ctx.calendar,
      calendarVersion: ctx.calendarVersion,
      settings: ctx.settings,
      handleLimit,
      ...(urgentLimits ? { acceptLimit: urgentLimits.accept } : {}),
    });
    const timeZone = ctx.calendar.definition.timeZone;
    const filed = state.stage !== 'verifying' && state.stage !== 'reported';
    const build = (caseNo: string) => {
      const record: CaseRecord = {
        id: caseId,
        caseNo,
        version: state.version,
        stage: state.stage,
        channel: input.channel,
        state,
        categoryType: category?.categoryType ?? null,
        majorCode: category?.majorCode ?? null,
        minorCode: category?.minorCode ?? null,
        standardId: standard?.id ?? null,
        taxonomyVersion,
        handleLimit: standard ? handleLimit : null,
        unitCode,
        lng: located.position[0],
        lat: located.position[1],
        gridCode: located.grid.code,
        communityCode: located.community?.code ?? null,
        streetCode: located.street?.code ?? null,
        componentId,
        address: input.address ?? null,
        description: input.description,
        photos,
        reporter,
        source,
        priority,
        flags,
        supporters: 0,
        trackingDigest: trackingCode ? deps.secrets.digest(`track:${caseId}:${trackingCode}`) : null,
        satisfaction: null,
        ratedAt: null,
        reportedAt: now,
        filedAt: filed ? now : null,
        closedAt: null,
        deadline: timers.caseDeadline,
        warning: null,
        reportedBy: accountId,
        updatedAt: now,
      };
      // The first event (上报) carries what a read model needs to know about the report.
      const reportFacts = {
        categoryType: record.categoryType,
        majorCode: record.majorCode,
        minorCode: record.minorCode,
        standardId: record.standardId,
        priority,
        flags,
        photos,
        location: [record.lng, record.lat],
        // 权力阳光: the power-list item this case exercises, as the list stood when it was reported.
        powerItem: ctx.powerItem,
        ...(input.channel === 'hotline' ? { ticketId: input.ticketId, appealType: input.appealType } : {}),
      };
      const events = toStoredEvents(record, steps, reportFacts);
      // 110 after hours: the dispatch event carries its trace and the duty staff.
      if (Object.keys(extras).length > 0) {
        const last = events[events.length - 1];
        if (last) {
          last.payload = { ...last.payload, ...extras, handleDeadline: timers.caseDeadline?.toISOString() };
        }
      }
      const body: Receipt = {
        id: caseId,
        caseNo,
        stage: state.stage,
        version: state.version,
        reportedAt: formatInZone(now, timeZone),
        ...(trackingCode ? { trackingCode } : {}),
        unitCode,
        deadline: timers.caseDeadline ? formatInZone(timers.caseDeadline, timeZone) : null,
      };
      return {
        record,
        timers: timers.upsert,
        events,
        outbox: hotlineStatus(ctx, record, 'received'),
        answer: { status: 201, body },
      };
    };
    const day = formatInZone(now, timeZone).slice(0, 10);
    const result = await submitOnce({
      kind: 'insert',
      tenantId,
      actor: who.actor,
      caseId,
      day,
      build,
      ...(who.idempotencyKey ? { idempotency: { owner, key: who.idempotencyKey, digest } } : {}),
      ...(fold
        ? {
            fold: {
              key: fold.key,
              seenAt: now,
              windowUntil: fold.windowUntil,
              event: (target: CaseRecord) =>
                caseEvent(target, 'cases.case.folded', {
                  at: isoInstant(now),
                  role: 'integration',
                  count: Number(target.source.count ?? 1),
                  photos,
                }),
            },
          }
        : {}),
    });
    switch (result.kind) {
      case 'created':
        return result.built.answer as IntakeAnswer;
      case 'folded':
        return {
          status: 200,
          body: {
            id: result.into.id,
            caseNo: result.into.caseNo,
            stage: result.into.stage,
            version: result.into.version,
            reportedAt: formatInZone(result.into.reportedAt, timeZone),
            folded: true,
            foldCount: Number(result.into.source.count ?? 1),
          },
        };
      case 'replay': {
        const earlier = await intakeStore.findAnswer(deps.db.sql, tenantId, result.owner, result.key);
        if (!earlier) throw new Error('an idempotency key vanished');
        return replay(earlier, result.digest);
      }
      case 'updated':
      case 'conflict':
        throw new Error(`unexpected intake result ${result.kind}`);
    }
  }

  /** A ticket sent twice at once passes the look-up above twice; the unique index decides, and says so. */
  async function submitOnce(write: CaseWrite): Promise<WriteResult> {
    try {
      return await committer.submit(write);
    } catch (error) {
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === '23505' && pgError.constraint === 'cases_hotline_ticket') {
        throw errors.conflict('TICKET_EXISTS', 'this 12345 ticket was already transferred', 'ticketId');
      }
      throw error;
    }
  }

  function hotlineStatus(ctx: TenantContext, record: CaseRecord, status: string): OutboxItem[] {
    return hotlineOutbox(ctx, record, status, deps.clock.now());
  }

  return { report };
}

function replay(earlier: intakeStore.StoredAnswer, digest: string): IntakeAnswer {
  if (earlier.requestDigest !== digest) {
    throw unprocessable(
      'IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was used for a different request',
      'Idempotency-Key',
    );
  }
  return { status: earlier.status, body: earlier.body as Receipt };
}

/** A 12345 status change for the hotline's webhook, when the tenant configured one. */
export function hotlineOutbox(
  ctx: TenantContext,
  record: CaseRecord,
  status: string,
  at: Date,
): OutboxItem[] {
  const url = ctx.settings.hotline.webhookUrl;
  if (record.channel !== 'hotline' || !url) return [];
  return [
    {
      topic: 'hotline.status',
      target: url,
      payload: {
        ticketId: record.source.ticketId,
        caseNo: record.caseNo,
        status,
        stage: record.stage,
        at: isoInstant(at),
      },
    },
  ];
}
