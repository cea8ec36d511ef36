import type { Permission } from '@ioc/shared';
import { type MessageKey, useT } from '../i18n/index.tsx';
import type { Subsystem } from '../shell/subsystem.ts';

/** A subsystem whose server side is not built yet. */
export interface PendingSubsystem {
  number: number;
  path: string;
  permission: Permission;
  title: MessageKey;
  /** What the page will show once the subsystem is connected to its data. */
  description: MessageKey;
}

/** Says what the subsystem will show, and shows no invented figures. */
export function PendingPage({ page }: { page: PendingSubsystem }) {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>
          <span className="page-number">{page.number}</span>
          {t(page.title)}
        </h1>
      </header>
      <section className="card pending" data-testid="pending-page">
        <span className="pending-badge">{t('pending.badge')}</span>
        <p>{t(page.description)}</p>
        <p className="muted">{t('pending.note')}</p>
      </section>
    </div>
  );
}

/**
 * A subsystem still being built, `pendingSubsystem(4, '/health', 'health.read', 'nav.health', 'pending.health')`:
 * its menu entry (`nav-health`) and its honest "being built" page, until its folder's descriptor replaces it.
 */
export function pendingSubsystem(
  number: number,
  path: string,
  permission: Permission,
  title: MessageKey,
  description: MessageKey,
): Subsystem {
  const page: PendingSubsystem = { number, path, permission, title, description };
  return {
    number,
    routes: [{ path, anyOf: [permission], page: () => <PendingPage page={page} /> }],
    navigation: [{ path, testId: path.slice(1), label: title, anyOf: [permission], number }],
  };
}
