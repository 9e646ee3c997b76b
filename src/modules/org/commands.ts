/** Organisation use cases: each one transaction with its audit event. */
import type { Actor } from '../../platform/actor.js';
import { findAccountByUsername, isRole, type Role } from '../../platform/auth/index.js';
import { hashPassword, passwordProblem } from '../../platform/auth/password.js';
import { insertAccount } from '../../platform/auth/store.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/index.js';
import { appendEvents } from '../../platform/events/index.js';
import { errors } from '../../platform/http/app-error.js';
import { wouldCreateCycle } from './domain/unit-tree.js';
import { fallbackScope } from './domain/scope.js';
import * as store from './store.js';
import type { Beat, DataScope, DutyShift, StaffMember, Unit } from './types.js';

export function createOrgService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function createUnit(actor: Actor, input: store.UnitInput): Promise<Unit> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      if (await store.findUnit(tx, actor.tenantId, input.code)) {
        throw errors.conflict('UNIT_CODE_TAKEN', `unit ${input.code} exists already`, 'code');
      }
      if (input.parentCode && !(await store.findUnit(tx, actor.tenantId, input.parentCode))) {
        throw errors.validation('parentCode', `parent unit ${input.parentCode} does not exist`);
      }
      await store.insertUnits(tx, actor.tenantId, [input]);
      await appendEvents(tx, actor, now, [
        { streamType: 'unit', streamId: input.code, name: 'org.unit.created', payload: { ...input } },
      ]);
      return { ...input, version: 1 };
    });
  }

  async function updateUnit(actor: Actor, input: store.UnitInput & { version: number }): Promise<Unit> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const current = await store.findUnit(tx, actor.tenantId, input.code, true);
      if (!current) throw errors.notFound('unit');
      if (current.version !== input.version) throw errors.versionConflict(input.version, current.version);
      if (input.parentCode !== current.parentCode) {
        const units = await store.listUnits(tx, actor.tenantId);
        if (input.parentCode && !units.some((u) => u.code === input.parentCode)) {
          throw errors.validation('parentCode', `parent unit ${input.parentCode} does not exist`);
        }
        if (
          wouldCreateCycle(new Map(units.map((u) => [u.code, u.parentCode])), input.code, input.parentCode)
        ) {
          throw errors.validation(
            'parentCode',
            'a unit cannot be placed under itself or one of its own sub-units',
          );
        }
      }
      const { version: _version, ...fields } = input;
      const version = await store.updateUnit(tx, actor.tenantId, fields, now);
      const changed = Object.fromEntries(
        Object.entries(fields).filter(
          ([k, v]) =>
            JSON.stringify(v) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]),
        ),
      );
      await appendEvents(tx, actor, now, [
        { streamType: 'unit', streamId: input.code, name: 'org.unit.changed', payload: { changed, version } },
      ]);
      return { ...fields, version };
    });
  }

  async function createStaff(
    actor: Actor,
    input: {
      username: string;
      displayName: string;
      password: string;
      roles: Role[];
      unitCode: string;
      phone: string | null;
      scope: DataScope;
    },
  ): Promise<StaffMember> {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw errors.validation('password', `password ${problem}`);
    const hash = await hashPassword(input.password);
    const now = clock.now();
    const accountId = await db.transaction(async (tx) => {
      if (await findAccountByUsername(tx, actor.tenantId, input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `the username ${input.username} is taken`, 'username');
      }
      if (!(await store.findUnit(tx, actor.tenantId, input.unitCode))) {
        throw errors.validation('unitCode', `unit ${input.unitCode} does not exist`);
      }
      const account = await insertAccount(tx, {
        tenantId: actor.tenantId,
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
        roles: input.roles,
        mustChangePassword: true,
      });
      await store.insertStaff(tx, actor.tenantId, {
        accountId: account.id,
        unitCode: input.unitCode,
        phone: input.phone,
        scope: input.scope,
      });
      await appendEvents(tx, actor, now, [
        {
          streamType: 'account',
          streamId: String(account.id),
          name: 'org.staff.created',
          // The phone number is personal data: the event says that one was given, not which.
          payload: {
            username: input.username,
            displayName: input.displayName,
            roles: input.roles,
            unitCode: input.unitCode,
            scope: input.scope,
            hasPhone: input.phone !== null,
          },
        },
      ]);
      return account.id;
    });
    return (await store.findStaff(db.sql, actor.tenantId, accountId)) as StaffMember;
  }

  async function updateStaff(
    actor: Actor,
    input: {
      accountId: number;
      roles: Role[];
      unitCode: string;
      phone: string | null;
      scope: DataScope;
      version: number;
    },
  ): Promise<StaffMember> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const current = await store.findStaff(tx, actor.tenantId, input.accountId);
      if (!current) throw errors.notFound('staff member');
      if (current.version !== input.version) throw errors.versionConflict(input.version, current.version);
      if (!(await store.findUnit(tx, actor.tenantId, input.unitCode))) {
        throw errors.validation('unitCode', `unit ${input.unitCode} does not exist`);
      }
      if (
        input.accountId === actor.accountId &&
        current.roles.includes('admin') &&
        !input.roles.includes('admin')
      ) {
        throw errors.validation('roles', 'an admin cannot remove their own admin role');
      }
      const version = await store.updateStaff(tx, actor.tenantId, input, now);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'account',
          streamId: String(input.accountId),
          name: 'org.staff.changed',
          payload: {
            version,
            roles: { before: current.roles, after: input.roles },
            unitCode: { before: current.unitCode, after: input.unitCode },
            scope: { before: current.scope, after: input.scope },
          },
        },
      ]);
    });
    return (await store.findStaff(db.sql, actor.tenantId, input.accountId)) as StaffMember;
  }

  async function saveBeat(actor: Actor, input: Omit<Beat, 'version'>): Promise<Beat> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const unknown = await store.unknownGridCodes(tx, actor.tenantId, input.gridCodes);
      if (unknown.length > 0) {
        throw errors.validation('gridCodes', `unknown unit grids: ${unknown.slice(0, 10).join(', ')}`, {
          unknown,
        });
      }
      if (input.inspectorAccountId !== null) {
        const inspector = await store.findStaff(tx, actor.tenantId, input.inspectorAccountId);
        if (!inspector?.roles.includes('inspector')) {
          throw errors.validation(
            'inspectorAccountId',
            'the inspector must be a staff member with the inspector role',
          );
        }
      }
      await store.upsertBeats(tx, actor.tenantId, [input], now);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'beat',
          streamId: input.code,
          name: 'org.beat.saved',
          payload: {
            name: input.name,
            inspectorAccountId: input.inspectorAccountId,
            gridCount: input.gridCodes.length,
            gridCodes: input.gridCodes,
          },
        },
      ]);
    });
    return (await store.findBeat(db.sql, actor.tenantId, input.code)) as Beat;
  }

  async function addShift(actor: Actor, input: Omit<DutyShift, 'id'>): Promise<DutyShift> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      if (!(await store.findUnit(tx, actor.tenantId, input.unitCode))) {
        throw errors.validation('unitCode', `unit ${input.unitCode} does not exist`);
      }
      const member = await store.findStaff(tx, actor.tenantId, input.accountId);
      if (!member) throw errors.validation('accountId', 'no such staff member');
      if (input.endsAt <= input.startsAt) throw errors.validation('endsAt', 'a shift ends after it starts');
      const shift = await store.insertShift(tx, actor.tenantId, input);
      await appendEvents(tx, actor, now, [
        {
          streamType: 'unit',
          streamId: input.unitCode,
          name: 'org.duty.scheduled',
          payload: {
            shiftId: shift.id,
            accountId: input.accountId,
            startsAt: input.startsAt.toISOString(),
            endsAt: input.endsAt.toISOString(),
          },
        },
      ]);
      return shift;
    });
  }

  return {
    createUnit,
    updateUnit,
    createStaff,
    updateStaff,
    saveBeat,
    addShift,
    listUnits: (tenantId: number) => store.listUnits(db.sql, tenantId),
    findUnit: (tenantId: number, code: string) => store.findUnit(db.sql, tenantId, code),
    listStaff: (tenantId: number, filter: Parameters<typeof store.listStaff>[2]) =>
      store.listStaff(db.sql, tenantId, filter),
    findStaff: (tenantId: number, accountId: number) => store.findStaff(db.sql, tenantId, accountId),
    namesOf: (tenantId: number, accountIds: readonly number[]) => store.namesOf(db.sql, tenantId, accountIds),
    /** The data scope of an account: its staff record's, else tenant-wide for the leadership and machines. */
    scopeOf: async (
      tenantId: number,
      account: { id: number; roles: readonly string[] },
    ): Promise<DataScope> =>
      (await store.findStaff(db.sql, tenantId, account.id))?.scope ?? fallbackScope(account.roles),
    listBeats: (tenantId: number, inspectorAccountId?: number) =>
      store.listBeats(db.sql, tenantId, inspectorAccountId),
    onDuty: (tenantId: number, unitCode: string, at: Date) => store.shiftsAt(db.sql, tenantId, unitCode, at),
    listShifts: (tenantId: number, unitCode: string, from: Date, to: Date) =>
      store.listShifts(db.sql, tenantId, unitCode, from, to),
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
export const roleList = (values: string[]): Role[] => values.filter(isRole);
