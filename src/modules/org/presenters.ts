import type { Principal } from '../../platform/auth/index.js';
import type { DutyShift, StaffMember, Unit } from './types.js';

/** Phone numbers are personal data: only admins see them whole. */
export function maskPhone(phone: string | null, viewer: Principal): string | null {
  if (!phone || viewer.account.roles.includes('admin')) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export const presentUnit = (u: Unit) => ({ ...u });

export function presentStaff(s: StaffMember, viewer: Principal) {
  return { ...s, phone: maskPhone(s.phone, viewer) };
}

export const presentShift = (s: DutyShift) => ({
  ...s,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
});
