/**
 * Who is signed in. The session cookie is httpOnly; the browser only keeps the CSRF token the server hands
 * out (at sign-in and from GET /api/auth/session after a reload). Roles decide the menu; what a role may do
 * to a record comes from the server (allowedActions), never from a copy of the rules here.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap, type paths } from '../api/client';

export type Account =
  paths['/api/auth/session']['get']['responses'][200]['content']['application/json']['account'];
export type Role = Account['roles'][number];

interface SessionState {
  account: Account | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<Account>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);
const REMEMBERED = 'cz.account';

/** The last signed-in account (names and roles only; the session itself is the httpOnly cookie). */
function remember(account: Account | null): void {
  try {
    if (account) localStorage.setItem(REMEMBERED, JSON.stringify(account));
    else localStorage.removeItem(REMEMBERED);
  } catch {
    // storage blocked: offline start falls back to the sign-in page
  }
}

function remembered(): Account | null {
  try {
    const text = localStorage.getItem(REMEMBERED);
    return text ? (JSON.parse(text) as Account) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const res = await api.GET('/api/auth/session');
      if (res.response.status === 401) {
        setCsrfToken(null);
        remember(null);
        setAccount(null);
        return;
      }
      const s = unwrap(res);
      setCsrfToken(s.csrfToken);
      remember(s.account);
      setAccount(s.account);
    } catch {
      // No answer (offline, server down) is not a sign-out: an inspector opening the app in a basement still
      // reaches the outbox. Writes wait for the next successful check, which brings a fresh CSRF token.
      setAccount(remembered());
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const s = unwrap(await api.POST('/api/auth/login', { body: { username, password } }));
    setCsrfToken(s.csrfToken);
    remember(s.account);
    setAccount(s.account);
    return s.account;
  }, []);

  const logout = useCallback(async () => {
    await api.POST('/api/auth/logout');
    setCsrfToken(null);
    remember(null);
    setAccount(null);
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      account,
      loading,
      login,
      logout,
      refresh,
      hasRole: (...roles) => !!account && roles.some((r) => account.roles.includes(r)),
    }),
    [account, loading, login, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Where a role lands after sign-in. */
export function homeFor(account: Account): string {
  const r = account.roles;
  if (r.includes('leader') || r.includes('monitor')) return '/console/command';
  if (r.includes('admin')) return '/console/admin';
  if (r.includes('inspector') && r.length === 1) return '/m';
  return '/console/work';
}
