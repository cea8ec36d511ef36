import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useAuth } from './AuthContext.tsx';

/** Sends visitors without a session to /login, and users who must change their password to that page first. */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingBlock fullPage />;
  if (state.status === 'signedOut') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (state.me.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return children;
}
