import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { i18next } from '../i18n';
import { homeFor, useSession, type Role } from './session';
import { Loading } from './Loading';

export function PageLoading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Loading label={i18next.t('status.loading')} />
    </div>
  );
}

/** Staff pages: signed-in accounts only; `roles` narrows the page to those who can use it at all. */
export function RequireStaff({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { account, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!account) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (roles && !roles.some((r) => account.roles.includes(r))) {
    return <Navigate to={homeFor(account)} replace />;
  }
  return <>{children}</>;
}
