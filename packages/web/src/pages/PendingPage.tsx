import { useT } from '../i18n/index.tsx';
import type { PendingPage as PendingPageConfig } from '../shell/navigation.ts';

/** A subsystem whose server side is not built yet: says what it will show, and shows no invented figures. */
export function PendingPage({ page }: { page: PendingPageConfig }) {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>
          {page.number !== undefined && <span className="page-number">{page.number}</span>}
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
