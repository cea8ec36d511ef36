import type { LoginBody, Me, Permission } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiCall, setAuthListener } from '../api/client.ts';

export type AuthState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; me: Me };

interface AuthValue {
  state: AuthState;
  me: Me | null;
  signIn(body: LoginBody): Promise<Me>;
  signOut(): Promise<void>;
  /** Reloads the current user (after a password change, or when the server says something changed). */
  refresh(): Promise<Me | null>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiCall('GET /api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const queryClient = useQueryClient();

  // Whoever signs in next must not see what the last user read.
  useEffect(() => {
    if (state.status === 'signedOut') queryClient.clear();
  }, [state.status, queryClient]);

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setState(me ? { status: 'signedIn', me } : { status: 'signedOut' });
    return me;
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signedOut' }));
  }, [refresh]);

  useEffect(() => {
    setAuthListener({
      onUnauthenticated: () => setState({ status: 'signedOut' }),
      onPasswordChangeRequired: () =>
        setState((current) =>
          current.status === 'signedIn'
            ? { status: 'signedIn', me: { ...current.me, mustChangePassword: true } }
            : current,
        ),
    });
    return () => setAuthListener(null);
  }, []);

  const signIn = useCallback(async (body: LoginBody) => {
    await apiCall('POST /api/v1/auth/login', { body });
    const me = await fetchMe();
    if (!me) throw new ApiError(401, 'UNAUTHENTICATED', 'Session cookie was not accepted');
    setState({ status: 'signedIn', me });
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiCall('POST /api/v1/auth/logout');
    } finally {
      setState({ status: 'signedOut' });
    }
  }, []);

  const value = useMemo<AuthValue>(() => {
    const me = state.status === 'signedIn' ? state.me : null;
    const permissions = new Set(me?.permissions ?? []);
    return { state, me, signIn, signOut, refresh, can: (permission) => permissions.has(permission) };
  }, [state, signIn, signOut, refresh]);

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, for components rendered only behind the route guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

/** The deployment's root unit (the province: 42 for Hà Tĩnh), as `/auth/me` names it. */
export function useRootUnit(): Me['rootUnit'] {
  return useMe().rootUnit;
}

/** The unit a user looks from: their own, or the root unit for those attached to none (administrators). */
export function useHomeUnit(): string {
  const me = useMe();
  return me.orgUnit?.code ?? me.rootUnit.code;
}
