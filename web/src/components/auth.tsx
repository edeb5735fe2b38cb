import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { onUnauthenticated } from '../api/client';
import { api } from '../api/api';
import type { User } from '../api/types';

interface AuthState {
  /** `undefined` while the session is being checked, `null` when signed out. */
  user: User | null | undefined;
  setUser: (user: User | null) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    api.auth
      .me()
      .then(setUser)
      .catch(() => setUser(null));
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setUser(null);
        if (!window.location.pathname.startsWith('/login')) {
          const next = window.location.pathname + window.location.search;
          navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
        }
      }),
    [navigate],
  );

  // A signed-out visitor on a protected page goes to the sign-in page.
  useEffect(() => {
    if (user === null && !location.pathname.startsWith('/login')) {
      const next = location.pathname + location.search;
      navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
  }, [user, location.pathname, location.search, navigate]);

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      // Leave the protected page first, so the sign-in page is not given a `next` to return to.
      navigate('/login', { replace: true });
      setUser(null);
    }
  }, [navigate]);

  const value = useMemo(() => ({ user, setUser, signOut }), [user, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
