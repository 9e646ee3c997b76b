/**
 * Drives the real case commands with the simulated workload (workload.ts), so events, clocks and warnings
 * are real. History mode replays past days on a simulated clock (steps due in the same minute run together,
 * so their writes share transactions); live mode keeps new reports flowing on the real clock.
 */
import { sql } from 'kysely';
import type { Role } from '../platform/auth/index.js';
import type { Database } from '../platform/db/index.js';
import { random } from '../platform/random.js';
import { formatInZone, parseInstant } from '../platform/zoned-time.js';
import type { CasesService, StepInput, ReportInput } from '../modules/cases/index.js';
import type { WorkingCalendar } from '../modules/calendar/index.js';
import { Agenda, type Task } from './agenda.js';
import { loadWorld, type WorldDeps } from './world.js';
import { planDay, type PlannedReport } from './workload.js';

export interface SimulationDeps extends WorldDeps {
  readonly cases: CasesService;
  readonly calendar: WorkingCalendar;
  /** The clock the `cases` service reads; history mode moves it. */
  readonly clock: { now(): Date; set(t: Date): void };
  readonly log: (message: string) => void;
}

const MINUTE = 60_000;
const SWEEP_EVERY = 15 * MINUTE;
/** Same-minute steps run together at most this many at a time (more measured slower on PGlite). */
const GROUP = 8;

export interface SimulationStats {
  reports: number;
  steps: number;
  refused: number;
  folded: number;
}

export async function createSimulation(deps: SimulationDeps, seed = 1) {
  const rnd = random(seed);
  const { units, hotSpots, staff, gateway, photo, randomPoint, standards } = await loadWorld(deps, rnd);

  const stats: SimulationStats = { reports: 0, steps: 0, refused: 0, folded: 0 };
  const agenda = new Agenda();

  /** `minutes` of office time after `from` (when people work), or continuous minutes for urgent work. */
  function later(from: number, minutes: number, office = true): number {
    return office
      ? deps.calendar.deadline(from, Math.max(1, Math.round(minutes)) / 60, 'work_hour')
      : from + minutes * MINUTE;
  }
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);

  async function act(username: string, roles: Role[], caseId: string, input: StepInput): Promise<boolean> {
    const actor = username === 'gateway' ? gateway : await staff(username, roles);
    try {
      await deps.cases.step({ actor, roles: actor.roles, viewer: null }, caseId, input, null);
      stats.steps += 1;
      return true;
    } catch {
      stats.refused += 1;
      return false;
    }
  }

  function schedule(at: number, run: () => Promise<void>): void {
    agenda.push({ at, run });
  }

  /** What happens to a case after it is filed and dispatched, following its fate. */
  function afterDispatch(id: string, p: PlannedReport, dispatchedAt: number, urgent: boolean): void {
    const f = p.fate;
    if (f.press) {
      schedule(
        later(dispatchedAt, between(120, 480)),
        async () => void (await act('leader', ['leader'], id, { kind: 'press', note: '请加快处置' })),
      );
    }
    if (f.returned) {
      schedule(later(dispatchedAt, between(10, 60), !urgent), async () => {
        if (!(await act('handler', ['handler'], id, { kind: 'return', reason: '非本单位职责范围' }))) return;
        const unit = units[Math.floor(rnd() * units.length)];
        const t = later(deps.clock.now().getTime(), between(10, 40));
        schedule(t, async () => {
          if (
            unit &&
            (await act('dispatcher', ['dispatcher'], id, {
              kind: 'redispatch',
              unitCode: unit.code,
              reason: '改派至责任单位',
            }))
          ) {
            afterAccept(id, p, t, urgent);
          }
        });
      });
      return;
    }
    afterAccept(id, p, dispatchedAt, urgent);
  }

  function afterAccept(id: string, p: PlannedReport, dispatchedAt: number, urgent: boolean): void {
    const acceptAt = later(dispatchedAt, between(10, 90), !urgent);
    schedule(acceptAt, async () => {
      if (!(await act('handler', ['handler'], id, { kind: 'accept' }))) return;
      const f = p.fate;
      const limit = deps.calendar.deadline(dispatchedAt, 1, 'work_day') - dispatchedAt;
      const span = Math.max(30 * MINUTE, f.handlingShare * limit);
      let doneAt = dispatchedAt + span;
      if (f.extension !== 'none') {
        const askAt = dispatchedAt + span * 0.5;
        schedule(askAt, async () => {
          if (
            await act('handler', ['handler'], id, {
              kind: 'requestExtension',
              reason: '需协调多个部门共同处置',
            })
          ) {
            schedule(
              later(askAt, 30),
              async () =>
                void (await act('dispatcher', ['dispatcher'], id, {
                  kind: 'decideExtension',
                  approve: f.extension === 'approved',
                })),
            );
          }
        });
      }
      if (f.hold) {
        const askAt = dispatchedAt + span * 0.3;
        const until = askAt + between(7, 20) * 86_400_000;
        schedule(askAt, async () => {
          if (
            await act('handler', ['handler'], id, {
              kind: 'requestHold',
              until: new Date(until).toISOString(),
              reason: '等待季节性施工条件',
            })
          ) {
            schedule(
              later(askAt, 60),
              async () =>
                void (await act('dispatcher', ['dispatcher'], id, { kind: 'decideHold', approve: true })),
            );
          }
        });
        doneAt = until + span * 0.5;
      }
      if (f.handlingShare > 1 && f.appeal) {
        const appealAt = doneAt - 10 * MINUTE;
        schedule(appealAt, async () => {
          if (
            await act('handler', ['handler'], id, {
              kind: 'appeal',
              reason: '恶劣天气无法施工，申请免除超时',
            })
          ) {
            schedule(
              later(appealAt, 60),
              async () =>
                void (await act('dispatcher', ['dispatcher'], id, {
                  kind: 'decideAppeal',
                  approve: rnd() < 0.5,
                  reason: '经核实',
                })),
            );
          }
        });
      }
      schedule(doneAt, () => reportBack(id, p, f.reworks));
    });
  }

  async function reportBack(id: string, p: PlannedReport, reworksLeft: number): Promise<void> {
    if (
      !(await act('handler', ['handler'], id, { kind: 'reportBack', photos: [photo], note: '已处置完毕' }))
    ) {
      return;
    }
    const checkAt = later(deps.clock.now().getTime(), between(30, 180));
    schedule(checkAt, async () => {
      if (reworksLeft > 0) {
        if (
          await act('inspector', ['inspector'], id, {
            kind: 'check',
            passed: false,
            reason: '现场整改不到位',
          })
        ) {
          schedule(later(checkAt, between(120, 600)), () => reportBack(id, p, reworksLeft - 1));
        }
        return;
      }
      if (!(await act('inspector', ['inspector'], id, { kind: 'check', passed: true }))) return;
      const closeAt = later(checkAt, between(10, 60));
      schedule(closeAt, async () => {
        if (!(await act('operator', ['operator'], id, { kind: 'close' }))) return;
        const s = p.fate.satisfaction;
        if (!s) return;
        schedule(closeAt + between(2, 30) * 3_600_000, async () => {
          const found = await deps.cases.find(deps.tenantId, id);
          if (found) {
            await deps.cases
              .rate(
                await staff('operator', ['operator']),
                found,
                s,
                p.channel === 'hotline' ? 'callback' : 'reporter',
                null,
              )
              .catch(() => undefined);
          }
        });
      });
    });
  }

  function reportInput(p: PlannedReport, point: [number, number], n: number): ReportInput {
    const common = {
      location: { lng: point[0], lat: point[1], crs: 'wgs84' as const },
      description: `模拟上报：${p.standard.id}`,
    };
    const category = {
      categoryType: p.standard.kind,
      majorCode: p.standard.majorCode,
      minorCode: p.standard.minorCode,
    };
    switch (p.channel) {
      case 'inspector':
        return { ...common, channel: 'inspector', category, standardId: p.standard.id };
      case 'public':
        return { ...common, channel: 'public', category, contact: null };
      case 'hotline':
        return {
          ...common,
          channel: 'hotline',
          ticketId: `SIM-${seed}-${n}`,
          appealType: 'complaint',
          caller: null,
          category,
        };
      case 'linkage':
        return {
          ...common,
          channel: 'linkage',
          incidentId: `SIM110-${seed}-${n}`,
          category,
          standardId: p.standard.id,
        };
      case 'camera':
      case 'sensor':
        return {
          ...common,
          channel: p.channel,
          deviceId: `CAM-${p.hotSpot ?? n % 97}`,
          label: `label-${p.standard.majorCode}${p.standard.minorCode}`,
          confidence: 0.9,
          category,
        };
      case 'leader':
        return { ...common, channel: 'leader', instruction: '请尽快处理', leaderName: null, category };
      case 'media':
        return { ...common, channel: 'media', outlet: '都市快报', url: null, category };
    }
  }

  let serial = 0;
  async function report(p: PlannedReport, at: number): Promise<void> {
    serial += 1;
    const n = serial;
    const base = p.hotSpot === null ? await randomPoint(p.u) : (hotSpots[p.hotSpot] as [number, number]);
    const point: [number, number] =
      p.hotSpot === null ? base : [base[0] + (p.u[0] - 0.5) * 0.001, base[1] + (p.u[1] - 0.5) * 0.001];
    const located = await deps.geo.locate(deps.tenantId, point[0], point[1], 'wgs84');
    const reporter =
      p.channel === 'inspector'
        ? await staff(located?.community ? `insp-${located.community.code}` : 'inspector', ['inspector'])
        : p.channel === 'leader'
          ? await staff('leader', ['leader'])
          : p.channel === 'media'
            ? await staff('operator', ['operator'])
            : p.channel === 'public'
              ? { ...gateway, kind: 'public' as const, roles: [] }
              : gateway;
    let receipt;
    try {
      receipt = await deps.cases.report(reportInput(p, located ? point : base, n), {
        actor: reporter,
        principal: null,
        roles: reporter.roles,
      });
    } catch {
      stats.refused += 1;
      return;
    }
    stats.reports += 1;
    if (receipt.body.folded) {
      stats.folded += 1;
      return;
    }
    const id = receipt.body.id;
    const f = p.fate;
    if (receipt.body.stage === 'dispatched') {
      afterDispatch(id, p, at, true);
      return;
    }
    let t = at;
    if (receipt.body.stage === 'verifying') {
      t = later(t, between(20, 120));
      const confirmed = f.confirmed;
      schedule(t, async () => {
        if (
          !(await act(
            'inspector',
            ['inspector'],
            id,
            confirmed
              ? { kind: 'verify', confirmed: true }
              : { kind: 'verify', confirmed: false, reason: '现场未发现所报问题' },
          ))
        ) {
          return;
        }
        if (confirmed) fileAndDispatch(id, p, deps.clock.now().getTime());
      });
      return;
    }
    fileAndDispatch(id, p, t);
  }

  function fileAndDispatch(id: string, p: PlannedReport, from: number): void {
    const fileAt = later(from, between(5, 40));
    schedule(fileAt, async () => {
      if (p.fate.voidAtFiling) {
        await act('operator', ['operator'], id, { kind: 'void', reason: '不符合立案条件' });
        return;
      }
      if (!(await act('operator', ['operator'], id, { kind: 'file', standardId: p.standard.id }))) return;
      const dispatchAt = later(fileAt, between(5, 30));
      schedule(dispatchAt, async () => {
        if (await act('dispatcher', ['dispatcher'], id, { kind: 'dispatch', mode: 'auto' })) {
          afterDispatch(id, p, dispatchAt, false);
        }
      });
    });
  }

  /** Plans the reports of the local day starting at `dayStart` (epoch ms of local midnight), from `notBefore`. */
  function planReports(dayStart: number, perDay: number, notBefore = 0): void {
    for (const p of planDay(rnd, { perDay, standards, hotSpots: hotSpots.length })) {
      const at = dayStart + p.minuteOfDay * MINUTE + Math.floor(rnd() * MINUTE);
      if (at >= notBefore) schedule(at, () => report(p, at));
    }
  }

  /**
   * Runs everything due up to `until` on the simulated clock. Tasks of one minute run together in small groups
   * (their writes share transactions), and the event loop gets a turn between groups, so the API stays
   * responsive while a history fills in the same process (PGlite has one connection: a long queue of simulation
   * queries would hold every request behind it).
   */
  async function runUntil(until: number, signal?: AbortSignal): Promise<void> {
    let nextSweep = (agenda.peek()?.at ?? until) + SWEEP_EVERY;
    for (;;) {
      if (signal?.aborted) return;
      const head = agenda.peek();
      if (!head || head.at > until) break;
      if (head.at >= nextSweep) {
        deps.clock.set(new Date(nextSweep));
        await deps.cases.scheduler.runDue(500);
        nextSweep += SWEEP_EVERY;
        continue;
      }
      const windowEnd = Math.min((Math.floor(head.at / MINUTE) + 1) * MINUTE, nextSweep, until + 1);
      const batch: Task[] = [];
      while (agenda.peek() && (agenda.peek() as Task).at < windowEnd && batch.length < GROUP) {
        batch.push(agenda.pop() as Task);
      }
      deps.clock.set(new Date(Math.max(...batch.map((b) => b.at))));
      await Promise.all(batch.map((b) => b.run()));
      await new Promise((resolve) => setImmediate(resolve));
    }
    deps.clock.set(new Date(until));
    await deps.cases.scheduler.runDue(500);
  }

  /** Replays `days` days ending at `end`, `perDay` reports a day on average. */
  async function history(
    end: Date,
    days: number,
    perDay: number,
    signal?: AbortSignal,
  ): Promise<SimulationStats> {
    const tz = deps.calendar.definition.timeZone;
    const today = formatInZone(end, tz).slice(0, 10);
    const midnight = parseInstant(`${today}T00:00:00`, tz) ?? end.getTime();
    for (let d = days; d >= 1; d -= 1) {
      const dayStart = midnight - d * 86_400_000;
      planReports(dayStart, perDay);
      await runUntil(dayStart + 86_400_000, signal);
      if (signal?.aborted) break;
      deps.log(
        `simulated ${formatInZone(dayStart, tz).slice(0, 10)}: ${stats.reports} reports, ${stats.steps} steps so far`,
      );
    }
    await runUntil(end.getTime(), signal);
    return { ...stats };
  }

  return { history, runUntil, planReports, stats: () => ({ ...stats }), pending: () => agenda.size };
}

export async function isEmptyOfCases(db: Database, tenantId: number): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases WHERE tenant_id = ${tenantId} LIMIT 1) x`.execute(
    db.sql,
  );
  return (r.rows[0]?.n ?? 0) === 0;
}
