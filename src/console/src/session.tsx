/**
 * The signed-in session: who is logged in (GET /api/auth/me), the CSRF token for the API client,
 * which API features exist, and the agency the user is working on (the header's switcher, limited
 * to the agencies the server says the user reaches). A 401 from any call ends the session here and
 * the login screen says why.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api/client.js';
import { featuresFrom, loadFeatures, type ApiFeatures } from './api/features.js';
import type { MeResponse } from './api/types.js';

export interface Session {
  readonly me: MeResponse;
  readonly features: ApiFeatures;
  /** The agency screens work on; null = every visible agency (administrators and supervisors). */
  readonly agencyId: string | null;
  setAgencyId(id: string | null): void;
  logout(): Promise<void>;
  /** Re-reads /api/auth/me (e.g. after the user's own details changed). */
  refresh(): Promise<void>;
}

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly reason: 'start' | 'expired' | 'logout' }
  | { readonly status: 'signedIn'; readonly session: Session };

interface SessionControl {
  readonly state: SessionState;
  login(username: string, password: string): Promise<void>;
}

const SessionContext = createContext<SessionControl | null>(null);

const agencyKey = (userId: string | null) => `gk.console.agency.${userId ?? 'admin'}`;

/** The default working agency: the last one chosen if still visible, else the user's own, else all. */
const initialAgency = (me: MeResponse): string | null => {
  const saved = window.localStorage.getItem(agencyKey(me.user.id));
  const visible = new Set(me.visibleAgencies.map((a) => a.id));
  if (saved === 'all' && me.user.role !== 'handler' && me.user.role !== 'head') return null;
  if (saved && visible.has(saved)) return saved;
  if (me.user.role === 'handler' || me.user.role === 'head') return me.user.agencyId ?? me.visibleAgencies[0]?.id ?? null;
  return null;
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [features, setFeatures] = useState<ApiFeatures>(() => featuresFrom({}));
  const [agencyId, setAgency] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState<'start' | 'expired' | 'logout' | null>(null);

  const accept = useCallback((next: MeResponse) => {
    setCsrfToken(next.csrfToken);
    setMe(next);
    setAgency(initialAgency(next));
    setAnonymous(null);
  }, []);

  const end = useCallback((reason: 'start' | 'expired' | 'logout') => {
    setCsrfToken(null);
    setMe(null);
    setAnonymous(reason);
  }, []);

  useEffect(() => {
    onUnauthorized(() => end('expired'));
    let live = true;
    void loadFeatures().then((f) => live && setFeatures(f));
    api.get<MeResponse>('/api/auth/me', undefined, { quiet401: true }).then(
      (m) => live && accept(m),
      () => live && end('start'),
    );
    return () => {
      live = false;
      onUnauthorized(null);
    };
  }, [accept, end]);

  const login = useCallback(async (username: string, password: string) => {
    const next = await api.post<MeResponse>('/api/auth/login', { username, password }, { quiet401: true });
    accept(next);
    setFeatures(await loadFeatures());
  }, [accept]);

  const control = useMemo<SessionControl>(() => {
    if (!me) {
      return { state: anonymous ? { status: 'anonymous', reason: anonymous } : { status: 'loading' }, login };
    }
    const session: Session = {
      me,
      features,
      agencyId,
      setAgencyId: (id) => {
        window.localStorage.setItem(agencyKey(me.user.id), id ?? 'all');
        setAgency(id);
      },
      logout: async () => {
        try {
          await api.post('/api/auth/logout');
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 401)) throw err;
        }
        end('logout');
      },
      refresh: async () => accept(await api.get<MeResponse>('/api/auth/me')),
    };
    return { state: { status: 'signedIn', session }, login };
  }, [me, features, agencyId, anonymous, login, end, accept]);

  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}

export function useSessionControl(): SessionControl {
  const c = useContext(SessionContext);
  if (!c) throw new Error('useSessionControl outside SessionProvider');
  return c;
}

/** The signed-in session (only inside the signed-in part of the app). */
export function useSession(): Session {
  const { state } = useSessionControl();
  if (state.status !== 'signedIn') throw new Error('useSession without a signed-in user');
  return state.session;
}
