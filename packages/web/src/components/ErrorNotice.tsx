import { ApiError } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { useT } from '../i18n/index.tsx';

/** Asking again helps after a network failure, a server fault or a rate limit; not after "not found" or "forbidden". */
function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

/** `onRetry` is called without arguments, so a query's `refetch` can be passed as it is. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <div className="notice notice-danger" role="alert">
      <span>{errorText(error)}</span>
      {onRetry && isRetryable(error) && (
        <button type="button" className="button button-small" onClick={() => onRetry()}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
