import { systemActor } from '../platform/actor.js';
import { findAccountByUsername, type Role } from '../platform/auth/index.js';
import { hashPassword } from '../platform/auth/password.js';
import { insertAccount } from '../platform/auth/store.js';
import { appendEvents } from '../platform/events/index.js';
import type { Seeder } from '../platform/tenancy/seeds.js';

/** One demo login per role, so a newcomer can walk the loop as each of them (listed in the README). */
export const DEMO_PASSWORD = 'chengzhi-demo-2025';

export const DEMO_ACCOUNTS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'inspector', displayName: '王监督（演示）', roles: ['inspector'] },
  { username: 'operator', displayName: '李受理（演示）', roles: ['operator'] },
  { username: 'shiftlead', displayName: '赵值班长（演示）', roles: ['shiftLead', 'operator'] },
  { username: 'dispatcher', displayName: '陈派遣（演示）', roles: ['dispatcher'] },
  { username: 'handler', displayName: '周处置（演示）', roles: ['handler'] },
  { username: 'officer', displayName: '吴执法（演示）', roles: ['officer'] },
  { username: 'reviewer', displayName: '郑法制审核（演示）', roles: ['legalReviewer'] },
  { username: 'head', displayName: '孙负责人（演示）', roles: ['head'] },
  { username: 'monitor', displayName: '钱监察（演示）', roles: ['monitor'] },
  { username: 'leader', displayName: '冯领导（演示）', roles: ['leader'] },
];

export function createDemoAccountsSeeder(): Seeder {
  return {
    name: 'demo.accounts',
    demoOnly: true,
    async run({ db, tenant, now }) {
      const hash = await hashPassword(DEMO_PASSWORD);
      const actor = systemActor(tenant.id);
      await db.transaction(async (tx) => {
        for (const a of DEMO_ACCOUNTS) {
          if (await findAccountByUsername(tx, tenant.id, a.username)) continue;
          const account = await insertAccount(tx, {
            tenantId: tenant.id,
            username: a.username,
            displayName: a.displayName,
            passwordHash: hash,
            roles: a.roles,
            mustChangePassword: false,
          });
          await appendEvents(tx, actor, now, [
            {
              streamType: 'account',
              streamId: String(account.id),
              name: 'auth.account.created',
              payload: {
                username: account.username,
                displayName: account.displayName,
                roles: account.roles,
                demo: true,
              },
            },
          ]);
        }
      });
    },
  };
}
