import type { TaskSummary } from '@ioc/shared';
import { useI18n } from '../../i18n/index.tsx';
import { scopeText } from './scope.ts';

/** The one definition the page's task figures follow, said under its title (and on the overview's task card). */
export function ScopeLine({ summary, hint = true }: { summary: TaskSummary; hint?: boolean }) {
  const { t, lang } = useI18n();
  const { who, span } = scopeText(summary, t, lang);
  return (
    <p
      className="muted dir-scope"
      data-testid="direction-scope"
      data-scope={summary.scope === null ? 'all' : summary.scope.map((unit) => unit.code).join(',')}
      title={hint ? t('direction.scope.hint') : undefined}
    >
      <strong>{who}</strong>
      {` · ${span} · ${t('direction.asOf', { date: new Date(summary.today) })}`}
    </p>
  );
}
