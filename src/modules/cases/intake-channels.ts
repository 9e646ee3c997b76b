/**
 * What each intake channel adds to a report before it is written: the category and 立结案标准 row (checked
 * against the current taxonomy), the reporter, the channel's own facts (12345 ticket, 110 incident, camera
 * device), flags, priority, and for cameras the key that folds repeated events into one report.
 */
import { errors } from '../../platform/http/app-error.js';
import { defaultStandard, findStandard, type Standard } from '../taxonomy/index.js';
import { ruleError, unprocessable } from './case-errors.js';
import type { CasesDeps, TenantContext } from './context.js';
import type { CategoryRef, Contact, ReportInput } from './intake-input.js';
import * as intakeStore from './intake-store.js';
import type { Reporter } from './types.js';

export interface ChannelFacts {
  category: CategoryRef | null;
  standard: Standard | null;
  taxonomyVersion: number | null;
  componentId: string | null;
  reporter: Reporter | null;
  source: Record<string, unknown>;
  flags: string[];
  priority: 'normal' | 'urgent';
  fold: { key: string; windowUntil: Date } | null;
}

export function createChannelFacts(deps: CasesDeps) {
  async function standardFor(
    tenantId: number,
    category: CategoryRef | null | undefined,
    standardId: string | null | undefined,
    field: string,
  ): Promise<{ standard: Standard | null; taxonomyVersion: number }> {
    const { version } = await deps.taxonomy.current(tenantId);
    if (category) {
      const known = version.minors.some(
        (m) =>
          m.kind === category.categoryType &&
          m.majorCode === category.majorCode &&
          m.code === category.minorCode,
      );
      if (!known) {
        throw unprocessable(
          'UNKNOWN_CATEGORY',
          `no ${category.categoryType} category ${category.majorCode}-${category.minorCode}`,
          'category',
        );
      }
    }
    if (!standardId) {
      const fallback = category
        ? defaultStandard(version, category.categoryType, category.majorCode, category.minorCode)
        : undefined;
      return { standard: fallback ?? null, taxonomyVersion: version.version };
    }
    const standard = findStandard(version, standardId);
    if (
      !standard ||
      (category &&
        (standard.kind !== category.categoryType ||
          standard.majorCode !== category.majorCode ||
          standard.minorCode !== category.minorCode))
    ) {
      throw unprocessable('UNKNOWN_STANDARD', `no standard row ${standardId} in this category`, field);
    }
    return { standard, taxonomyVersion: version.version };
  }

  async function channelFacts(
    input: ReportInput,
    tenantId: number,
    ctx: TenantContext,
    gridCode: string,
    now: Date,
  ): Promise<ChannelFacts> {
    let category: CategoryRef | null = 'category' in input ? (input.category ?? null) : null;
    let standard: Standard | null = null;
    let taxonomyVersion: number | null = null;
    let componentId: string | null = null;
    let reporter: Reporter | null = null;
    let source: Record<string, unknown> = {};
    let flags: string[] = [];
    let priority: 'normal' | 'urgent' = 'normal';
    let fold: { key: string; windowUntil: Date } | null = null;
    switch (input.channel) {
      case 'inspector': {
        ({ standard, taxonomyVersion } = await standardFor(
          tenantId,
          category,
          input.standardId,
          'standardId',
        ));
        if (input.componentId) {
          const component = await deps.geo.findComponent(tenantId, input.componentId);
          if (!component) throw errors.validation('componentId', `no component ${input.componentId}`);
          componentId = input.componentId;
        }
        break;
      }
      case 'public':
        if (category) await standardFor(tenantId, category, null, 'category');
        reporter = contactOf(input.contact, true);
        break;
      case 'hotline': {
        if (category) await standardFor(tenantId, category, null, 'category');
        const existing = await intakeStore.findHotlineTicket(deps.db.sql, tenantId, input.ticketId);
        if (existing) {
          throw errors.conflict(
            'TICKET_EXISTS',
            `ticket ${input.ticketId} is case ${existing.caseNo}`,
            'ticketId',
          );
        }
        reporter = contactOf(input.caller, false);
        const limit = ctx.settings.hotlineReplyLimits[input.appealType];
        const replyDue = ctx.calendar.deadline(now.getTime(), limit.amount, limit.unit);
        source = {
          ticketId: input.ticketId,
          appealType: input.appealType,
          replyDueAt: new Date(replyDue).toISOString(),
        };
        break;
      }
      case 'linkage':
        ({ standard, taxonomyVersion } = await standardFor(
          tenantId,
          category,
          input.standardId,
          'standardId',
        ));
        source = { incidentId: input.incidentId };
        priority = 'urgent';
        break;
      case 'camera':
      case 'sensor': {
        if (input.confidence < ctx.settings.camera.minConfidence) {
          throw ruleError(
            'camera.confidence',
            `confidence ${input.confidence} is below ${ctx.settings.camera.minConfidence}`,
            'confidence',
          );
        }
        if (category) await standardFor(tenantId, category, null, 'category');
        source = {
          deviceId: input.deviceId,
          label: input.label,
          confidence: input.confidence,
          count: 1,
          firstSeenAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
        };
        fold = {
          key: `${input.channel}|${input.deviceId}|${input.label}|${gridCode}`,
          windowUntil: new Date(now.getTime() + ctx.settings.camera.foldWindowMinutes * 60_000),
        };
        break;
      }
      case 'leader':
        if (category) await standardFor(tenantId, category, null, 'category');
        source = { instruction: input.instruction, leaderName: input.leaderName ?? null };
        flags = ['leader'];
        break;
      case 'media':
        if (category) await standardFor(tenantId, category, null, 'category');
        source = { outlet: input.outlet, url: input.url ?? null };
        flags = ['media'];
        break;
    }
    if (standard && !category) {
      category = {
        categoryType: standard.kind,
        majorCode: standard.majorCode,
        minorCode: standard.minorCode,
      };
    }

    return { category, standard, taxonomyVersion, componentId, reporter, source, flags, priority, fold };
  }

  return channelFacts;
}

function contactOf(contact: Contact | null | undefined, anonymousWhenEmpty: boolean): Reporter | null {
  const name = contact?.name?.trim() || null;
  const phone = contact?.phone?.trim() || null;
  if (!name && !phone) return anonymousWhenEmpty ? { name: null, phone: null, anonymous: true } : null;
  return { name, phone, anonymous: false };
}
