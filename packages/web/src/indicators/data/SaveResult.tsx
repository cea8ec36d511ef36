import type { RuleViolation } from '@ioc/shared';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';

/** Warning-severity rule violations: stored anyway, but the officer should look again. */
export function RuleWarnings({ warnings }: { warnings: readonly RuleViolation[] }) {
  const { t, lang, fmt } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning rule-warnings" data-testid="rule-warnings">
      <strong>{t('data.saved.warnings', { count: warnings.length })}</strong>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.rule}|${warning.unit}|${warning.period}`}>
            {localName(lang, warning.name, warning.nameEn)}{' '}
            <span className="small">
              ({fmt.number(warning.left)} {warning.operator} {fmt.number(warning.right)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Values with an alert raised because they are far from their own history. */
export function AnomalyNote({ count }: { count: number }) {
  const t = useI18n().t;
  const { can } = useAuth();
  if (count === 0) return null;
  return (
    <p className="notice notice-info" data-testid="anomaly-note">
      <span>{t('data.saved.anomalies', { count })}</span>
      {can('alerts.read') && <Link to="/alerts">{t('data.saved.seeAlerts')}</Link>}
    </p>
  );
}

/** What a save did: how many values were stored, with the rule warnings and anomalies it raised. */
export function SaveResult({ result }: { result: { stored: number; warnings: RuleViolation[]; anomalies: number } }) {
  const t = useI18n().t;
  return (
    <div data-testid="entry-saved">
      <p className="notice notice-success" role="status">
        {t('data.saved.stored', { count: result.stored })}
      </p>
      <RuleWarnings warnings={result.warnings} />
      <AnomalyNote count={result.anomalies} />
    </div>
  );
}
