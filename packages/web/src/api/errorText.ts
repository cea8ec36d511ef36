import { useCallback } from 'react';
import { useT } from '../i18n/index.tsx';
import { ApiError, NETWORK_ERROR } from './client.ts';

/** What to tell the user about a failed request: the server's own message, or ours when the server was not reached. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === NETWORK_ERROR) return t('error.network');
        if (error.code === 'RATE_LIMITED' && error.retryAfter !== null) {
          return `${error.message} ${t('error.retryAfter', { seconds: error.retryAfter })}`;
        }
        return error.message || t('error.unknown');
      }
      if (error instanceof Error && error.message) return error.message;
      return t('error.unknown');
    },
    [t],
  );
}
