import type { MessageKey } from '../i18n/index.tsx';
import { useT } from '../i18n/index.tsx';
import { type LiveStatus, useLive } from '../live/LiveContext.tsx';

const LABELS: Record<LiveStatus, MessageKey> = {
  open: 'live.open',
  connecting: 'live.connecting',
  closed: 'live.closed',
};

export function LiveStatusBadge() {
  const t = useT();
  const { status } = useLive();
  return (
    <output className={`live-status live-${status}`} data-testid="live-status" data-state={status} aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {t(LABELS[status])}
    </output>
  );
}
