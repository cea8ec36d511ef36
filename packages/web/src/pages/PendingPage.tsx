import type { Permission } from '@ioc/shared';
import { Suspense } from 'react';
import { useAuth } from '../auth/AuthContext.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { type MessageKey, type MessageSet, useT } from '../i18n/index.tsx';
import type { RelatedSection, Subsystem } from '../shell/subsystem.ts';

/** A subsystem whose server side is not built yet. */
export interface PendingSubsystem {
  number: number;
  path: string;
  permission: Permission;
  title: MessageKey;
  /** What the page will show once the subsystem is connected to its data. */
  description: MessageKey;
  /** Figures other subsystems already hold on the topic, shown meanwhile. */
  related?: readonly RelatedSection[];
  /** Says where those figures come from, in place of "no figures yet". */
  relatedNote?: MessageKey;
}

/** Says what the subsystem will show; shows no invented figures, and the real ones other subsystems hold. */
export function PendingPage({ page }: { page: PendingSubsystem }) {
  const t = useT();
  const { can } = useAuth();
  const related = (page.related ?? []).filter((section) => section.anyOf.some(can));
  const lent = related.length > 0 && page.relatedNote !== undefined;
  return (
    <div className="page">
      <header className="page-header">
        <h1>
          <span className="page-number">{page.number}</span>
          {t(page.title)}
        </h1>
      </header>
      <section className="card pending" data-testid="pending-page" data-related={related.length}>
        <span className="pending-badge">{t('pending.badge')}</span>
        <p>{t(page.description)}</p>
        <p className="muted">{lent && page.relatedNote ? t(page.relatedNote) : t('pending.note')}</p>
      </section>
      {related.map(({ id, Component }) => (
        <Suspense key={id} fallback={<LoadingBlock />}>
          <Component />
        </Suspense>
      ))}
    </div>
  );
}

/** What a pending page may carry besides its words: figures lent by built subsystems, and strings of its own. */
export interface PendingExtras {
  related?: readonly RelatedSection[];
  relatedNote?: MessageKey;
  messages?: MessageSet;
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
  extras: PendingExtras = {},
): Subsystem {
  const page: PendingSubsystem = {
    number,
    path,
    permission,
    title,
    description,
    ...(extras.related ? { related: extras.related } : {}),
    ...(extras.relatedNote ? { relatedNote: extras.relatedNote } : {}),
  };
  return {
    number,
    routes: [{ path, anyOf: [permission], page: () => <PendingPage page={page} /> }],
    navigation: [{ path, testId: path.slice(1), label: title, anyOf: [permission], number }],
    ...(extras.messages ? { messages: extras.messages } : {}),
  };
}
